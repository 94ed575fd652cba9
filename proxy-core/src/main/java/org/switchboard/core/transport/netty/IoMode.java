package org.switchboard.core.transport.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.StandardSocketOptions;
import java.nio.channels.spi.SelectorProvider;

/** The Netty I/O implementation in use: native epoll on Linux, else the JDK's NIO. Stateless. */
enum IoMode {
    EPOLL {
        @Override
        IoHandlerFactory handlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Channel newDatagramChannel(SocketProtocolFamily family) {
            return new EpollDatagramChannel(family);
        }

        @Override
        ServerChannel newServerChannel(SocketProtocolFamily family) {
            return new EpollServerSocketChannel(family);
        }

        @Override
        Channel newClientChannel() {
            return new EpollSocketChannel();
        }

        @Override
        ChannelOption<Integer> ipv6OnlyOption() {
            return IPV6_V6ONLY;
        }

        @Override
        ChannelOption<Boolean> reusePortOption() {
            return EpollChannelOption.SO_REUSEPORT;
        }

        @Override
        ChannelOption<Boolean> ownGroupsOnlyOption() {
            return EpollChannelOption.IP_MULTICAST_ALL;
        }

        @Override
        ChannelOption<Boolean> arrivalAddressOption() {
            return EpollChannelOption.IP_RECVORIGDSTADDR;
        }
    },
    NIO {
        @Override
        IoHandlerFactory handlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Channel newDatagramChannel(SocketProtocolFamily family) {
            return new NioDatagramChannel(family);
        }

        @Override
        ServerChannel newServerChannel(SocketProtocolFamily family) {
            return new NioServerSocketChannel(SelectorProvider.provider(), family);
        }

        @Override
        Channel newClientChannel() {
            return new NioSocketChannel();
        }

        @Override
        ChannelOption<Integer> ipv6OnlyOption() {
            return null;
        }

        @Override
        ChannelOption<Boolean> reusePortOption() {
            return NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT);
        }

        @Override
        ChannelOption<Boolean> ownGroupsOnlyOption() {
            return null;
        }

        @Override
        ChannelOption<Boolean> arrivalAddressOption() {
            return null;
        }
    };

    /** setsockopt(IPPROTO_IPV6 = 41, IPV6_V6ONLY = 26) on Linux. */
    private static final ChannelOption<Integer> IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);

    /** Epoll if preferred and the native library loads, else NIO. */
    static IoMode select(boolean preferEpoll) {
        return preferEpoll && Epoll.isAvailable() ? EPOLL : NIO;
    }

    abstract IoHandlerFactory handlerFactory();

    abstract Channel newDatagramChannel(SocketProtocolFamily family);

    abstract ServerChannel newServerChannel(SocketProtocolFamily family);

    abstract Channel newClientChannel();

    /**
     * The option that keeps an IPv6 socket from also taking IPv4 traffic, so that {@code 0.0.0.0} and
     * {@code [::]} can both be bound on one port; {@code null} where the JDK offers no such option
     * (NIO), in which case an IPv6 wildcard socket serves both families.
     */
    abstract ChannelOption<Integer> ipv6OnlyOption();

    /**
     * SO_REUSEPORT, which lets the unicast SIP socket and the multicast group socket share a port.
     * Unlike SO_REUSEADDR, Linux lets only sockets of the same user share a port this way.
     */
    abstract ChannelOption<Boolean> reusePortOption();

    /**
     * Linux's IP_MULTICAST_ALL, to be set to {@code false} on unicast UDP sockets: otherwise a
     * wildcard socket on the group's port also receives the group's datagrams once any socket has
     * joined, and would answer them as unicast requests. {@code null} where the JDK already clears it
     * for every datagram socket (NIO).
     */
    abstract ChannelOption<Boolean> ownGroupsOnlyOption();

    /**
     * Linux's IP_RECVORIGDSTADDR, for IPv4 wildcard UDP sockets: each datagram then carries the
     * address it was sent to as its recipient, so that Via and Record-Route name the address the peer
     * reached. {@code null} with NIO, whose datagrams cannot tell; there, and for IPv6 (Netty reads
     * only the IPv4 message), {@link RouteSources} stands in.
     */
    abstract ChannelOption<Boolean> arrivalAddressOption();
}
