package org.switchboard.core.transport.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Hands each {@link StreamFrame} of a connection to the {@link MessageReceiver} with the connection's
 * flow, and closes the connection after a frame that broke the framing (once any answer to it has
 * been written). I/O errors close the connection; they are logged at debug level. One instance per
 * channel, on the channel's event loop.
 */
final class SipStreamHandler extends SimpleChannelInboundHandler<StreamFrame> {
    private static final Logger log = LoggerFactory.getLogger(SipStreamHandler.class);

    private final Transport transport;
    private final MessageReceiver receiver;

    SipStreamHandler(Transport transport, MessageReceiver receiver) {
        this.transport = transport;
        this.receiver = receiver;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, StreamFrame frame) {
        Flow flow = new Flow(transport, (InetSocketAddress) ctx.channel().localAddress(),
                (InetSocketAddress) ctx.channel().remoteAddress(), ConnectionRegistry.idOf(ctx.channel()));
        receiver.receive(frame.bytes(), flow, false);
        if (frame.framingLost()) {
            log.debug("Closing connection {}: the stream cannot be framed past a message without Content-Length",
                    flow);
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing connection with {} after an error: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
