package org.switchboard.nat.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's ports on Netty's NIO transport with pooled buffers (Netty's default allocator): each
 * port is bound at once on the wildcard address, IPv6 and IPv4 where the host has both (so one port
 * bridges an IPv4 phone and an IPv6 one), then served by one of a few event loop threads chosen by
 * the call, so the four ports of a stream share a thread. NIO rather than the native transport
 * because a port is bound on the signalling thread before the SDP names it, which the native
 * channels only do on their event loop.
 *
 * <p>Threading: thread-safe; the receivers run on the event loops and must not block.
 */
final class NettyMediaSockets implements MediaSockets {
    private static final Logger LOG = LoggerFactory.getLogger(NettyMediaSockets.class);
    /** Room for any RTP or RTCP datagram over Ethernet, and some. */
    private static final int DATAGRAM_BUFFER = 2048;

    private final MultiThreadIoEventLoopGroup group;
    private final List<EventLoop> loops = new ArrayList<>();

    /** @param threads the event loop threads */
    NettyMediaSockets(int threads) {
        group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
    }

    @Override
    public MediaSocket open(int port, int affinity, Receiver receiver) throws IOException {
        DatagramChannel bound = DatagramChannel.open();
        try {
            bound.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            bound.close();
            throw e;
        }
        NioDatagramChannel channel = new NioDatagramChannel(bound);
        channel.config().setOption(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(DATAGRAM_BUFFER));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                DatagramPacket packet = (DatagramPacket) message;
                receiver.received(packet.sender(), packet.content());
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // an ICMP port unreachable from a phone that went away surfaces here: not fatal
                LOG.debug("RTP relay port {}: {}", port, cause.toString());
            }
        });
        loops.get(affinity % loops.size()).register(channel);
        return new MediaSocket() {
            @Override
            public void send(ByteBuf datagram, InetSocketAddress to) {
                channel.writeAndFlush(new DatagramPacket(datagram, to), channel.voidPromise());
            }

            @Override
            public void close(Runnable closed) {
                channel.close().addListener(done -> closed.run());
            }
        };
    }

    @Override
    public boolean bindable(int port) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
