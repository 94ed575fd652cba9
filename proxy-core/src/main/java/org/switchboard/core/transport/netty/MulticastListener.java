package org.switchboard.core.transport.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.Addresses;

/**
 * The socket on a SIP multicast group: bound to the group and port (so it receives only the
 * group's datagrams) with SO_REUSEPORT, so that it can sit beside the unicast SIP socket on the same
 * port, and joined on each chosen interface. Logs which interfaces joined and which failed.
 *
 * <p>Start and stop from one thread, never an event loop; {@link #drops()} from any thread.
 */
final class MulticastListener {
    private static final Logger log = LoggerFactory.getLogger(MulticastListener.class);
    private static final int MAX_DATAGRAM_SIZE = 65_536;

    private final MulticastConfig config;
    private final LongAdder drops = new LongAdder();
    private Channel channel;

    MulticastListener(MulticastConfig config) {
        this.config = config;
    }

    /**
     * Binds the group socket and joins the group on the configured interfaces. With no usable
     * interface it logs a warning and listens nowhere: the server works without plug-and-play.
     *
     * @throws IOException if a named interface is unusable or the socket cannot be bound
     */
    void start(EventLoopGroup group, IoMode ioMode, MessageReceiver receiver) throws IOException {
        InetSocketAddress groupAddress = groupAddress();
        String where = Addresses.format(groupAddress);
        List<NetworkInterface> interfaces = MulticastInterfaces.choose(config.interfaceNames());
        if (interfaces.isEmpty()) {
            log.warn("Multicast SIP on {}: no network interface is up, multicast-capable and has an IPv4 address; "
                    + "phones cannot find this server by plug-and-play", where);
            return;
        }
        ChannelFuture bound = new Bootstrap()
                .group(group)
                .channelFactory(() -> ioMode.newDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_SIZE))
                .option(ioMode.reusePortOption(), true)
                .handler(new MulticastDatagramHandler(receiver, config.filter(), drops))
                .bind(groupAddress)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("Cannot listen on multicast SIP " + where + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        channel = bound.channel();
        List<String> joined = new ArrayList<>();
        for (NetworkInterface nif : interfaces) {
            ChannelFuture join = ((DatagramChannel) channel).joinGroup(config.group(), nif, null)
                    .awaitUninterruptibly();
            String name = describe(nif);
            if (join.isSuccess()) {
                joined.add(name);
            } else {
                log.warn("Multicast SIP on {}: could not join on {}: {}", where, name, join.cause().toString());
            }
        }
        if (joined.isEmpty()) {
            stop();
            log.warn("Multicast SIP on {}: joined on no interface; phones cannot find this server by plug-and-play",
                    where);
            return;
        }
        log.info("Multicast SIP on {}: joined on {}", where, String.join(", ", joined));
    }

    private static String describe(NetworkInterface nif) {
        return nif.getName() + MulticastInterfaces.ipv4Address(nif).map(a -> " (" + a.getHostAddress() + ")").orElse("");
    }

    /** Closes the group socket, which leaves the group; blocks until closed. */
    void stop() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
            channel = null;
        }
    }

    /** The group and its port, the address the group socket is bound to. */
    InetSocketAddress groupAddress() {
        return new InetSocketAddress(config.group(), config.port());
    }

    /** The group's port. */
    int port() {
        return config.port();
    }

    /** Datagrams on the group that were dropped unanswered (garbage, responses, requests no filter took). */
    long drops() {
        return drops.sum();
    }
}
