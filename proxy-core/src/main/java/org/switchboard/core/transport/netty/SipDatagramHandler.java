package org.switchboard.core.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Hands each UDP datagram, as one whole message (RFC 3261 §18.3), to the {@link MessageReceiver},
 * with the address it arrived at as the flow's local address (on a wildcard socket that cannot tell,
 * our address facing the sender; see {@link RouteSources}), so that Via and Record-Route name an
 * address the peer reaches.
 * Datagrams of nothing but CR and LF are keep-alives many phones send to hold their NAT binding open;
 * they are ignored. Non-SIP datagrams a plugin claims ({@link DatagramClaims}, e.g. STUN) go to it
 * before all that. Datagrams from a blocked source are dropped unread and counted. Errors are logged
 * at debug level and never close the socket. One instance per UDP channel, on its event loop.
 */
final class SipDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(SipDatagramHandler.class);

    private final MessageReceiver receiver;
    private final SourceGate gate;
    private final RouteSources routeSources;
    private final DatagramClaims claims;

    SipDatagramHandler(MessageReceiver receiver, SourceGate gate, RouteSources routeSources, DatagramClaims claims) {
        this.receiver = receiver;
        this.claims = claims;
        this.gate = gate;
        this.routeSources = routeSources;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (gate.drops(packet.sender().getAddress())) {
            return;
        }
        if (claims.claimed(ctx, packet)) {
            return;
        }
        ByteBuf content = packet.content();
        if (isKeepAlive(content)) {
            return;
        }
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        // on a wildcard socket with IP_RECVORIGDSTADDR the recipient is the address the peer sent to
        InetSocketAddress local = packet.recipient() != null ? packet.recipient()
                : (InetSocketAddress) ctx.channel().localAddress();
        if (local.getAddress().isAnyLocalAddress()) {
            InetAddress facing = routeSources.towards(packet.sender().getAddress());
            if (facing != null) {
                local = new InetSocketAddress(facing, local.getPort());
            }
        }
        Flow flow = new Flow(Transport.UDP, local, packet.sender(), 0);
        receiver.receive(bytes, flow, true);
    }

    static boolean isKeepAlive(ByteBuf content) {
        return content.forEachByte(b -> b == '\r' || b == '\n') == -1;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // e.g. ICMP port unreachable surfacing as an exception: the socket itself is fine
        log.debug("UDP socket {} error: {}", ctx.channel().localAddress(), cause.toString());
    }
}
