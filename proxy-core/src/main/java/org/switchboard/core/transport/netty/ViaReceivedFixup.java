package org.switchboard.core.transport.netty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.MessageBuilder;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.Via;

/**
 * Records where a request really came from in its top Via, so that responses find their way back
 * through NAT: {@code received} (RFC 3261 §18.2.1) and {@code rport} (RFC 3581 §4). Stateless.
 */
final class ViaReceivedFixup {
    private ViaReceivedFixup() {
    }

    /**
     * The top Via with {@code received} added if the sent-by host is not the source address, and
     * {@code rport} (plus {@code received}) filled in if the Via asks for it with a valueless
     * {@code rport}; the same instance if nothing changes.
     */
    static Via fix(Via via, InetSocketAddress source) {
        InetAddress sourceAddress = source.getAddress();
        Via fixed = via;
        // RFC 3581 §4: a valueless rport asks for the source port, and received is then always added
        boolean fillRport = via.hasRport() && via.params().get("rport") == null;
        InetAddress sentBy = IpLiteral.parse(via.host());
        if (fillRport || !sourceAddress.equals(sentBy)) {
            // RFC 3261 §18.2.1: received when the sent-by host differs from the packet's source
            fixed = fixed.withParam("received", IpLiteral.format(sourceAddress));
        }
        if (fillRport) {
            fixed = fixed.withParam("rport", Integer.toString(source.getPort()));
        }
        return fixed;
    }

    /** The request with its top Via fixed by {@link #fix}; the same instance if nothing changes. */
    static SipRequest apply(SipRequest request, InetSocketAddress source) {
        Via top = request.topVia();
        Via fixed = fix(top, source);
        if (fixed == top) {
            return request;
        }
        return replaceTopVia(request.toBuilder(), fixed).build();
    }

    /** Replaces the first Via value in a message being built. */
    static <B extends MessageBuilder<B>> B replaceTopVia(B builder, Via via) {
        return builder.removeFirstValue(HeaderName.VIA).addFirst(HeaderName.VIA, via.toString());
    }
}
