package org.switchboard.benchmarks;

import java.util.List;
import org.switchboard.core.message.CSeq;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

/**
 * The proxy hot path on the lazy message model: split the message, parse only the headers a
 * proxy routes on, build the forwarded copy and encode it. Stateless and thread-safe.
 */
public final class LazyHotPath {
    private static final String VIA_PREFIX = "SIP/2.0/UDP " + ProxyView.PROXY_HOST + ':' + ProxyView.PROXY_PORT + ";branch=";

    private LazyHotPath() {
    }

    /**
     * Processes one received datagram. A request gets the proxy's Via on top and Max-Forwards
     * decremented (RFC 3261 §16.6 steps 3 and 8); a response loses its top Via (§16.7 step 3).
     *
     * @throws IllegalArgumentException if the bytes are not a SIP message
     */
    public static ProxyView process(byte[] datagram) {
        ParseResult result = SipParser.parse(datagram, 0, datagram.length, true);
        SipMessage message = result.message();
        if (message == null) {
            throw new IllegalArgumentException(result.error());
        }
        String branch = message.topVia().branch();
        CSeq cseq = message.cseq();
        String callId = message.callId();
        int maxForwards = message.maxForwards();
        String toTag = message.to().tag();
        String fromTag = message.from().tag();
        List<String> routes = message.headers().values(
                message instanceof SipRequest ? HeaderName.ROUTE : HeaderName.RECORD_ROUTE);
        String routeHost = routes.isEmpty() ? null : NameAddr.parse(routes.get(0)).sipUri().host();
        List<NameAddr> contacts = message.contacts();
        String contactHost = contacts.isEmpty() ? null : contacts.get(0).sipUri().host();

        byte[] forwarded;
        if (message instanceof SipRequest request) {
            forwarded = request.toBuilder()
                    .addFirst(HeaderName.VIA, VIA_PREFIX + ProxyView.branchFor(branch))
                    .set(HeaderName.MAX_FORWARDS, Integer.toString(maxForwards - 1))
                    .build()
                    .encode();
        } else {
            forwarded = ((SipResponse) message).toBuilder()
                    .removeFirstValue(HeaderName.VIA)
                    .build()
                    .encode();
        }
        return new ProxyView(branch, cseq.number(), cseq.method(), callId, maxForwards, fromTag, toTag,
                routeHost, routes.size(), contactHost, contacts.size(), forwarded);
    }
}
