package org.switchboard.core.transport.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * Checks that a UDP port is free before it is bound with SO_REUSEPORT, which would otherwise let a
 * second server of the same user bind the port too and silently receive part of its traffic. The
 * probe is a socket of the same address family and options as the one to be bound, only without
 * SO_REUSEPORT, so it fails if any other socket holds the port and clashes with nothing the real
 * socket would not clash with (a dual-stack JDK socket on {@code 0.0.0.0} clashes with an IPv6-only
 * socket on {@code [::]}). Called at start, before any of the server's own sockets is bound, never
 * on an event loop.
 */
final class PortProbe {
    /** EADDRINUSE on Linux, the only system with native epoll, whose bind errors are not BindExceptions. */
    private static final int LINUX_EADDRINUSE = 98;

    private PortProbe() {
    }

    /**
     * Binds a probe socket to the address and closes it again.
     *
     * @param ioMode the I/O mode the real socket will use
     * @param epollProbe for epoll, a bootstrap for the real socket without SO_REUSEPORT (an epoll
     *     socket can be IPv6-only and closes at once); with NIO the probe is the JDK socket the real
     *     one will be, unregistered, because a registered one is closed only at the selector's next
     *     turn and would still hold the port for the next probe
     * @throws BindException if the address is in use
     * @throws IOException if the probe cannot be bound for another reason
     */
    static void requireFree(IoMode ioMode, Bootstrap epollProbe, InetSocketAddress address) throws IOException {
        if (ioMode == IoMode.NIO) {
            ProtocolFamily family = address.getAddress().getAddress().length == 4
                    ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
            try (DatagramChannel probe = DatagramChannel.open(family)) {
                probe.bind(address);
            } catch (BindException e) {
                throw inUse(address, e);
            }
            return;
        }
        ChannelFuture bound = epollProbe.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            if (cause instanceof BindException
                    || cause instanceof Errors.NativeIoException e && Math.abs(e.expectedErr()) == LINUX_EADDRINUSE) {
                throw inUse(address, cause);
            }
            throw new IOException(cause.getMessage(), cause);
        }
        bound.channel().close().awaitUninterruptibly();
    }

    private static BindException inUse(InetSocketAddress address, Throwable cause) {
        return new BindException("UDP port " + address.getPort() + " is in use (" + cause.getMessage() + ")");
    }
}
