package org.switchboard.core.transport.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DuplexChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Hands each {@link StreamFrame} of a connection to the {@link MessageReceiver} with the connection's
 * flow, and closes the connection after a frame that broke the framing or the size limit (once any
 * answer to it has been written). I/O errors close the connection; they are logged at debug level. One instance per
 * channel, on the channel's event loop.
 */
final class SipStreamHandler extends SimpleChannelInboundHandler<StreamFrame> {
    private static final Logger log = LoggerFactory.getLogger(SipStreamHandler.class);
    /** How long a connection being closed may still deliver what the peer sent before our answer. */
    private static final long LINGER_SECONDS = 2;

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
        if (frame.framing() == StreamFrame.Framing.TOO_LARGE) {
            receiver.receiveTooLarge(frame.bytes(), flow);
        } else {
            receiver.receive(frame.bytes(), flow, false);
        }
        if (frame.endsStream()) {
            log.debug("Closing connection {}: the stream cannot be framed past a message {}", flow,
                    frame.framing() == StreamFrame.Framing.LOST ? "without Content-Length" : "over the size limit");
            closeAfterAnswer(ctx);
        }
    }

    /**
     * Sends what was written and then ends our side only: closing at once, with the rest of the
     * peer's message still arriving, would make the kernel reset the connection and drop the answer
     * before the peer reads it. The decoder discards what still comes; the connection closes when
     * the peer closes its side, or after {@link #LINGER_SECONDS} at the latest.
     */
    private static void closeAfterAnswer(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) written -> {
            if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
                duplex.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing connection with {} after an error: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
