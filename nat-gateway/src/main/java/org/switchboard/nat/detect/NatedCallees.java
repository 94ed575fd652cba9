package org.switchboard.nat.detect;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * The Contact a caller sees for a callee behind a NAT. A NATed phone is called over its flow (the
 * target has a flow and a Request-URI other than the flow's source), and answers with its private
 * address in Contact, which would become the caller's remote target (RFC 3261 §12.1.2) and send the
 * ACK and BYE nowhere. The target stage remembers, per Call-ID, the private host and port each such
 * copy went to and the NAT's public address it was sent to; at the relay point a response of that
 * call whose Contact names that private host and port gets the public address instead, so the
 * caller's in-dialog requests come through the proxy (which record-routes) and back through the
 * NAT's mapping. Remembered per call and Request-URI, so two phones behind different NATs with the
 * same private address do not mix; at most {@code capacity} calls are remembered, the oldest
 * forgotten first, and a call is forgotten when it ends ({@link #forget}).
 *
 * <p>Threading: called on the calls' shards; one lock over a small map. Never blocks.
 */
public final class NatedCallees implements TargetProcessor, RelayHook {
    private final Map<String, Map<String, InetSocketAddress>> byCall;

    /** @param capacity the most calls remembered at once */
    public NatedCallees(int capacity) {
        this.byCall = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, InetSocketAddress>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public SipRequest copy(SipRequest copy, Target target, Destination hop) {
        Flow flow = target.flow();
        if (flow == null) {
            return copy;
        }
        SipUri uri = target.uri();
        String privateAt = hostPort(uri.host(), uri.port());
        InetSocketAddress publicAt = hop.address();
        if (privateAt.equals(hostPort(Addresses.host(publicAt.getAddress()), publicAt.getPort()))) {
            return copy; // reached at its own Contact: nothing to rewrite
        }
        synchronized (byCall) {
            byCall.computeIfAbsent(copy.callId(), id -> new LinkedHashMap<>()).put(privateAt, publicAt);
        }
        return copy;
    }

    @Override
    public SipResponse onResponse(SipResponse response, Flow toward) {
        if (response.headers().firstValue(HeaderName.CONTACT) == null) {
            return response;
        }
        Map<String, InetSocketAddress> callees;
        synchronized (byCall) {
            if (byCall.isEmpty()) {
                return response;
            }
            callees = byCall.get(response.callId());
            callees = callees == null ? null : Map.copyOf(callees);
        }
        if (callees == null) {
            return response;
        }
        try {
            return rewritten(response, callees);
        } catch (SipParseException e) {
            return response; // a malformed Contact goes on as it came
        }
    }

    /** Forgets a call (it ended). */
    public void forget(String callId) {
        synchronized (byCall) {
            byCall.remove(callId);
        }
    }

    /** How many calls are remembered, for tests. */
    int size() {
        synchronized (byCall) {
            return byCall.size();
        }
    }

    private static SipResponse rewritten(SipResponse response, Map<String, InetSocketAddress> callees) {
        List<NameAddr> contacts = response.contacts();
        boolean changed = false;
        SipResponse.Builder builder = response.toBuilder().remove(HeaderName.CONTACT);
        for (NameAddr contact : contacts) {
            NameAddr out = contact;
            if (contact.isSip()) {
                SipUri uri = contact.sipUri();
                InetSocketAddress publicAt = callees.get(hostPort(uri.host(), uri.port()));
                if (publicAt != null) {
                    out = contact.withUri(uri.withHostPort(Addresses.host(publicAt.getAddress()), publicAt.getPort()));
                    changed = true;
                }
            }
            builder.add(HeaderName.CONTACT, out.toString());
        }
        return changed ? builder.build() : response;
    }

    /** The host and port a URI names, 5060 standing for no port (RFC 3263 §4.2 falls back to it). */
    private static String hostPort(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ':' + (port < 0 ? 5060 : port);
    }
}
