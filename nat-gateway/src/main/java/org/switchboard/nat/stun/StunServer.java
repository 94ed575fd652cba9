package org.switchboard.nat.stun;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.Addresses;

/**
 * The STUN server on its own UDP port (RFC 5389 §9: 3478), with a second port, the next one, that
 * sends the answers to CHANGE-REQUESTs asking for another port (RFC 3489 §9.2, RFC 5780 §6) and
 * reads nothing, as the 4S STUN server's "STUN port 2" did. One event loop thread; answers are
 * decided by a {@link StunResponder}.
 *
 * <p>Lifecycle: {@link #start} binds both ports (blocks until bound), {@link #close} releases them.
 */
public final class StunServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StunServer.class);

    private final StunResponder responder;
    private MultiThreadIoEventLoopGroup group;
    private Channel primary;
    private Channel secondary;

    public StunServer(StunResponder responder) {
        this.responder = responder;
    }

    /**
     * Binds {@code port} and {@code port + 1} on {@code address} (port 0: any free port, and any
     * free second port). Blocks.
     *
     * @throws InterruptedException if interrupted while binding; a bind failure is thrown as Netty throws it
     */
    public void start(InetAddress address, int port) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            secondary = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                            // the second port only sends (RFC 3489 §9.2); what arrives is dropped
                        }
                    })
                    .bind(address, port == 0 ? 0 : port + 1).sync().channel();
            primary = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new Handler()).bind(address, port).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("STUN server on UDP {}, change-port answers from {}", Addresses.format(localAddress()),
                Addresses.format(secondAddress()));
    }

    /** The primary port's address. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) primary.localAddress();
    }

    /** The second port's address. */
    public InetSocketAddress secondAddress() {
        return (InetSocketAddress) secondary.localAddress();
    }

    @Override
    public void close() {
        if (primary != null) {
            primary.close().syncUninterruptibly();
        }
        if (secondary != null) {
            secondary.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Reads the primary port; answers from it or from the second port. */
    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            InetSocketAddress local = localAddress();
            StunResponder.Answer answer = responder.answer(packet.content().nioBuffer(), packet.sender(),
                    local, secondAddress());
            if (answer == null) {
                return;
            }
            Channel from = answer.fromSecondPort() ? secondary : primary;
            from.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answer.datagram()), packet.sender()));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("STUN server: {}", cause.toString());
        }
    }
}
