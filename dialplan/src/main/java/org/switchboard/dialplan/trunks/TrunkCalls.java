package org.switchboard.dialplan.trunks;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
import org.switchboard.core.spi.event.SwitchboardEvent;
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
 * again, so each side sees its own numbering (§12.2.1.1, §12.2.2). The dialog is told by its tags
 * (the caller's From tag, the trunk's To tag from its responses), so the trunk's own requests and
 * the caller's dialogs with other branches are left alone. At most {@code capacity} calls are remembered, the oldest forgotten first, and a call is
 * forgotten when it ends: unanswered, or when the final response to a BYE between the caller and
 * the trunk passes.
 *
 * <p>Threading: on the calls' shards; one lock over a small map. Never blocks.
 */
public final class TrunkCalls implements TargetProcessor, RelayHook {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkCalls.class);
    private static final HeaderName ASSERTED_IDENTITY = HeaderName.of("P-Asserted-Identity");

    private final Supplier<TrunkDirectory> trunks;
    private final Map<String, Presented> calls;

    /**
     * One call sent to a trunk: the caller's From tag, the From the caller sent and the one the trunk
     * was shown, the trunk's To tags (its dialogs, learnt from its responses), and, once a challenge
     * was answered, the CSeq numbers sent shifted.
     */
    private static final class Presented {
        String callerTag;
        String callerFrom;
        String trunkFrom;
        final Set<String> trunkTags = new HashSet<>();
        boolean shifted;
        final Set<Long> sent = new HashSet<>();
    }

    /** @param capacity the most shifted calls remembered at once */
    public TrunkCalls(Supplier<TrunkDirectory> trunks, int capacity) {
        this.trunks = trunks;
        this.calls = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Presented> eldest) {
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
            SipRequest out = b.build();
            Presented call = new Presented();
            call.callerTag = from.tag();
            call.callerFrom = copy.header(HeaderName.FROM);
            call.trunkFrom = out.header(HeaderName.FROM);
            synchronized (calls) {
                calls.put(copy.callId(), call);
            }
            return out;
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
        synchronized (calls) {
            Presented call = calls.get(copy.callId());
            if (call == null) {
                call = new Presented();
                call.callerTag = copy.from().tag();
                call.callerFrom = copy.header(HeaderName.FROM);
                call.trunkFrom = call.callerFrom;
                calls.put(copy.callId(), call);
            }
            call.shifted = true;
            call.sent.add(number);
        }
        return copy.toBuilder().set(HeaderName.CSEQ, number + " " + copy.method())
                .set(offered.proxy() ? HeaderName.PROXY_AUTHORIZATION : HeaderName.AUTHORIZATION, credentials)
                .build();
    }

    @Override
    public SipRequest onRequest(SipRequest request, Destination hop) {
        String toTag = request.to().tag();
        if (toTag == null || request.isMethod(SipMethod.CANCEL)) {
            return request; // the initial request was presented (and shifted) by the target stage
        }
        SipRequest.Builder b;
        synchronized (calls) {
            if (calls.isEmpty()) {
                return request;
            }
            Presented call = calls.get(request.callId());
            // from the caller, in a dialog with the trunk; the trunk's own requests stay as they are
            if (call == null || !Objects.equals(call.callerTag, request.from().tag())
                    || !call.trunkTags.contains(toTag)) {
                return request;
            }
            b = request.toBuilder().set(HeaderName.FROM, call.trunkFrom);
            if (call.shifted) {
                long number = request.cseq().number() + 1;
                call.sent.add(number);
                b.set(HeaderName.CSEQ, number + " " + request.cseq().method());
            }
        }
        return b.build();
    }

    @Override
    public SipResponse onResponse(SipResponse response, Flow toward) {
        SipResponse.Builder b;
        synchronized (calls) {
            if (calls.isEmpty()) {
                return response;
            }
            Presented call = calls.get(response.callId());
            if (call == null) {
                return response;
            }
            if (endsDialogWithTrunk(call, response)) {
                calls.remove(response.callId());
            }
            if (!Objects.equals(call.callerTag, response.from().tag())) {
                return response; // not one of the caller's requests to a trunk
            }
            boolean fromTrunk = call.trunkFrom.equals(response.header(HeaderName.FROM));
            boolean shiftedBack = call.shifted && call.sent.contains(response.cseq().number());
            if (!fromTrunk && !shiftedBack) {
                return response; // another branch's
            }
            String toTag = response.to().tag();
            if (toTag != null) {
                call.trunkTags.add(toTag);
            }
            // the caller gets its own From back (a UA may copy it from the response into its requests)
            b = response.toBuilder().set(HeaderName.FROM, call.callerFrom);
            if (shiftedBack) {
                b.set(HeaderName.CSEQ, (response.cseq().number() - 1) + " " + response.cseq().method());
            }
        }
        return b.build();
    }

    /**
     * Whether {@code response} is the final response to a BYE of the dialog between the caller and
     * the trunk, from either side: after it the dialog is gone (RFC 3261 §15.1.1, whatever the
     * status), so nothing of the call is left to shift.
     */
    private static boolean endsDialogWithTrunk(Presented call, SipResponse response) {
        if (response.statusCode() < 200 || !SipMethod.BYE.equals(response.cseq().method())) {
            return false;
        }
        String fromTag = response.from().tag();
        String toTag = response.to().tag();
        return Objects.equals(call.callerTag, fromTag) ? call.trunkTags.contains(toTag)
                : Objects.equals(call.callerTag, toTag) && call.trunkTags.contains(fromTag);
    }

    /**
     * A call ended: an unanswered one is forgotten. A hang-up is not: its event is published when the
     * BYE arrives, before it is relayed, and that BYE still needs its CSeq shifted toward the trunk
     * (§12.2.1.1) and its response shifted back; the call is forgotten when the BYE's final response
     * passes ({@link #onResponse}).
     */
    public void ended(SwitchboardEvent.CallEnded ended) {
        if (ended.reason() != SwitchboardEvent.EndReason.HUNG_UP) {
            forget(ended.callId());
        }
    }

    /** Forgets a call (it ended, or left its trunk for the next). */
    public void forget(String callId) {
        synchronized (calls) {
            calls.remove(callId);
        }
    }
}
