package org.switchboard.core.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Hands each datagram of the SIP multicast group to {@link MessageReceiver#receiveMulticast}. The
 * flow's local address is the group and port the socket is bound to, which tells the layers above
 * that a request came by multicast. One instance per multicast channel, on its event loop.
 */
final class MulticastDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(MulticastDatagramHandler.class);

    private final MessageReceiver receiver;
    private final Predicate<SipRequest> filter;
    private final LongAdder drops;

    MulticastDatagramHandler(MessageReceiver receiver, Predicate<SipRequest> filter, LongAdder drops) {
        this.receiver = receiver;
        this.filter = filter;
        this.drops = drops;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        if (SipDatagramHandler.isKeepAlive(content)) {
            return;
        }
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        Flow flow = new Flow(Transport.UDP, (InetSocketAddress) ctx.channel().localAddress(), packet.sender(), 0);
        receiver.receiveMulticast(bytes, flow, filter, drops);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Multicast socket {} error: {}", ctx.channel().localAddress(), cause.toString());
    }
}
