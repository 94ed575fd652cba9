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
        return read(split(datagram), true);
    }

    /**
     * Splits a datagram into start line, header lines and body without parsing any header.
     *
     * @throws IllegalArgumentException if the bytes are not a SIP message
     */
    public static SipMessage split(byte[] datagram) {
        ParseResult result = SipParser.parse(datagram, 0, datagram.length, true);
        if (result.message() == null) {
            throw new IllegalArgumentException(result.error());
        }
        return result.message();
    }

    /** Parses and reads the headers a proxy routes on; the view has no forwarded bytes. */
    public static ProxyView read(SipMessage message) {
        return read(message, false);
    }

    /**
     * Reads the headers a proxy routes on and, if {@code forward}, builds and encodes the message to
     * send on, as jain-sip-ri's path does before it makes its one view.
     */
    private static ProxyView read(SipMessage message, boolean forward) {
        String branch = message.topVia().branch();
        CSeq cseq = message.cseq();
        String callId = message.callId();
        int maxForwards = message.maxForwards();
        String toTag = message.to().tag();
        String fromTag = message.from().tag();
        // as the proxy reads them: Route for a request (RoutePreprocessor, NextHops), Record-Route for a response
        List<NameAddr> routes = message instanceof SipRequest ? message.routes() : message.recordRoutes();
        String routeHost = routes.isEmpty() ? null : routes.get(0).sipUri().host();
        List<NameAddr> contacts = message.contacts();
        String contactHost = contacts.isEmpty() ? null : contacts.get(0).sipUri().host();
        byte[] forwarded = forward ? forward(message, branch, maxForwards) : null;
        return new ProxyView(branch, cseq.number(), cseq.method(), callId, maxForwards, fromTag, toTag,
                routeHost, routes.size(), contactHost, contacts.size(), forwarded);
    }

    /** Builds and encodes the message to send on, given the top Via's branch and the Max-Forwards read from it. */
    private static byte[] forward(SipMessage message, String topViaBranch, int maxForwards) {
        if (message instanceof SipRequest request) {
            return request.toBuilder()
                    .addFirst(HeaderName.VIA, VIA_PREFIX + ProxyView.branchFor(topViaBranch))
                    .maxForwards(maxForwards - 1)
                    .build()
                    .encode();
        }
        return ((SipResponse) message).toBuilder()
                .removeFirstValue(HeaderName.VIA)
                .build()
                .encode();
    }
}
