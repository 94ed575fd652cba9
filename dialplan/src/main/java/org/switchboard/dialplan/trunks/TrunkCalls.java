package org.switchboard.dialplan.trunks;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * The copies of calls sent to a trunk. At the target stage, an initial request to a trunk presents
 * the external number: the trunk's from-user, or the caller's own number, at the trunk's host, in
 * From or in P-Asserted-Identity (RFC 3325 §9.1, the provider being trusted with it) or both, as the
 * trunk says. A proxy leaving From alone is the norm (RFC 3261 §16.6), but a provider accepts
 * calls only from the numbers of its account, and dialogs are matched by tags, not by the From URI
 * (§12.2.2), so the rewritten From does not disturb the caller's dialog.
 *
 * <p>A 401 or 407 from a trunk is answered with the trunk's credentials ({@link #answerChallenge},
 * the proxy's side in {@code Branch}): the INVITE goes again with the CSeq increased, as RFC 3261
 * §22.3 requires, so the trunk's side of the dialog counts one more than the caller's. At the relay
 * point the call is then shifted by one: in-dialog requests from the caller to the trunk (the ACK
 * for the 2xx, BYE, re-INVITE; not CANCEL, which the proxy makes from the INVITE it sent) get their
 * CSeq increased, and the responses to the shifted requests, going to the caller, get it decreased
 * again, so each side sees its own numbering (§12.2.1.1, §12.2.2). Requests from the trunk are left
 * alone. At most {@code capacity} calls are remembered, the oldest forgotten first, and a call is
 * forgotten when it ends.
 *
 * <p>Threading: on the calls' shards; one lock over a small map. Never blocks.
 */
public final class TrunkCalls implements TargetProcessor, RelayHook {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkCalls.class);
    private static final HeaderName ASSERTED_IDENTITY = HeaderName.of("P-Asserted-Identity");

    private final Supplier<TrunkDirectory> trunks;
    private final Map<String, Shift> shifted;

    /** One call whose requests to the trunk count one more than the caller's. */
    private static final class Shift {
        InetSocketAddress trunkHop;
        /** The CSeq numbers sent to the trunk in place of the caller's, whose responses go back shifted. */
        final Set<Long> sent = new HashSet<>();

        Shift(InetSocketAddress trunkHop) {
            this.trunkHop = trunkHop;
        }
    }

    /** @param capacity the most shifted calls remembered at once */
    public TrunkCalls(Supplier<TrunkDirectory> trunks, int capacity) {
        this.trunks = trunks;
        this.shifted = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Shift> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public SipRequest copy(SipRequest copy, Target target, Destination hop) {
        if (copy.to().tag() != null || copy.isMethod(SipMethod.ACK) || copy.isMethod(SipMethod.CANCEL)) {
            return copy; // in-dialog: the identity was presented by the initial request
        }
        Trunk trunk = trunks.get().carrying(target);
        if (trunk == null) {
            return copy;
        }
        try {
            NameAddr from = copy.from();
            String number = trunk.config().fromUser() != null ? trunk.config().fromUser() : from.sipUri().user();
            if (number == null) {
                return copy;
            }
            SipUri external = SipUri.parse("sip:" + number + "@" + trunk.config().host());
            SipRequest.Builder b = copy.toBuilder();
            String identity = trunk.config().identity();
            if (!identity.equals("pai")) {
                b.set(HeaderName.FROM, from.withUri(external).toString());
            }
            if (!identity.equals("from")) {
                String display = from.displayName();
                b.set(ASSERTED_IDENTITY, (display == null ? "" : display + " ") + "<" + external + ">");
            }
            return b.build();
        } catch (SipParseException | IllegalArgumentException e) {
            LOG.info("Trunk {}: From of {} is no SIP URI; sent as it came", trunk.name(), copy.callId());
            return copy;
        }
    }

    @Override
    public SipRequest answerChallenge(SipRequest copy, SipResponse challenge, Target target, Destination hop) {
        Trunk trunk = trunks.get().carrying(target);
        if (trunk == null || !trunk.hasCredentials()) {
            return null;
        }
        DigestChallenge offered = DigestChallenge.of(challenge);
        if (offered == null || (trunk.config().realm() != null && !trunk.config().realm().equals(offered.realm()))) {
            LOG.warn("Trunk {}: challenged {} (Call-ID {}) with no Digest challenge its credentials answer{}",
                    trunk.name(), copy.method(), copy.callId(),
                    offered == null ? "" : " (realm '" + offered.realm() + "')");
            return null;
        }
        long number = copy.cseq().number() + 1;
        String credentials = DigestAnswer.header(offered, trunk.config().username(), trunk.config().password(),
                copy.method(), copy.requestUri(), 1, UUID.randomUUID().toString().replace("-", ""));
        synchronized (shifted) {
            Shift shift = shifted.computeIfAbsent(copy.callId(), id -> new Shift(hop.address()));
            shift.trunkHop = hop.address();
            shift.sent.add(number);
        }
        return copy.toBuilder().set(HeaderName.CSEQ, number + " " + copy.method())
                .set(offered.proxy() ? HeaderName.PROXY_AUTHORIZATION : HeaderName.AUTHORIZATION, credentials)
                .build();
    }

    @Override
    public SipRequest onRequest(SipRequest request, Destination hop) {
        if (request.to().tag() == null || request.isMethod(SipMethod.CANCEL)) {
            return request; // the initial request was shifted when its challenge was answered
        }
        long number;
        synchronized (shifted) {
            if (shifted.isEmpty()) {
                return request;
            }
            Shift shift = shifted.get(request.callId());
            if (shift == null || !shift.trunkHop.equals(hop.address())) {
                return request;
            }
            number = request.cseq().number() + 1;
            shift.sent.add(number);
        }
        return request.toBuilder().set(HeaderName.CSEQ, number + " " + request.cseq().method()).build();
    }

    @Override
    public SipResponse onResponse(SipResponse response, Flow toward) {
        synchronized (shifted) {
            if (shifted.isEmpty()) {
                return response;
            }
            Shift shift = shifted.get(response.callId());
            if (shift == null || toward.remote().equals(shift.trunkHop)
                    || !shift.sent.contains(response.cseq().number())) {
                return response;
            }
        }
        return response.toBuilder()
                .set(HeaderName.CSEQ, (response.cseq().number() - 1) + " " + response.cseq().method()).build();
    }

    /** Forgets a call (it ended). */
    public void forget(String callId) {
        synchronized (shifted) {
            shifted.remove(callId);
        }
    }
}
