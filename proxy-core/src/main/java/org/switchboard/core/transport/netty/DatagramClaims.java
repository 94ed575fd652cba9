package org.switchboard.core.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.DatagramTap;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * The datagram demultiplexer: offers the non-SIP datagrams of the SIP UDP sockets to the plugins'
 * claims ({@link DatagramTap}s) before the codec. A datagram that starts with a letter is SIP and is never
 * offered; with no claims nothing is offered at all (one volatile read per datagram).
 *
 * <p>Thread-safe: claims may be added at any time and apply to what arrives afterwards.
 */
final class DatagramClaims {
    private static final Logger log = LoggerFactory.getLogger(DatagramClaims.class);

    private volatile DatagramTap[] claims = new DatagramTap[0];

    synchronized void add(DatagramTap claim) {
        DatagramTap[] more = Arrays.copyOf(claims, claims.length + 1);
        more[claims.length] = claim;
        claims = more;
    }

    /** Whether a plugin took {@code packet}. Called on the socket's event loop. */
    boolean claimed(ChannelHandlerContext ctx, DatagramPacket packet) {
        DatagramTap[] current = claims;
        if (current.length == 0) {
            return false;
        }
        ByteBuf content = packet.content();
        if (!content.isReadable() || isLetter(content.getByte(content.readerIndex()))) {
            return false; // SIP (RFC 3261 §25.1: a method or "SIP/2.0")
        }
        ByteBuffer view = content.nioBuffer().asReadOnlyBuffer();
        InetSocketAddress local = packet.recipient() != null ? packet.recipient()
                : (InetSocketAddress) ctx.channel().localAddress();
        Flow flow = new Flow(Transport.UDP, local, packet.sender(), 0);
        InetSocketAddress sender = packet.sender();
        for (DatagramTap claim : current) {
            try {
                if (claim.offer(view.duplicate(), flow, reply -> ctx.writeAndFlush(
                        new DatagramPacket(Unpooled.copiedBuffer(reply), sender)))) {
                    return true;
                }
            } catch (RuntimeException e) {
                log.warn("Datagram claim {} failed on a datagram from {}: {}", claim, sender,
                        e.toString());
            }
        }
        return false;
    }

    private static boolean isLetter(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }
}
