package org.switchboard.nat.media;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Opens the relay's UDP ports. {@link #open} binds at once (a bind is a system call that does not
 * wait, so it may run on a signalling thread), so a port another program holds is skipped before an
 * SDP names it.
 *
 * <p>Threading: thread-safe.
 */
interface MediaSockets extends AutoCloseable {

    /**
     * Binds UDP {@code port} on every address; its datagrams go to {@code receiver}. Sockets opened
     * with the same {@code affinity} are served by the same thread.
     *
     * @throws IOException if the port cannot be bound
     */
    MediaSocket open(int port, int affinity, Receiver receiver) throws IOException;

    /** Whether {@code port} can be bound now (bound and closed again at once). */
    boolean bindable(int port);

    @Override
    void close();

    /** One bound port. */
    interface MediaSocket {
        /** Sends {@code datagram} (taking it over: it is released when sent) to {@code to}; never blocks. */
        void send(ByteBuf datagram, InetSocketAddress to);

        /** Closes the port; {@code closed} runs once it is free to be bound again. */
        void close(Runnable closed);
    }

    /** Where a port's datagrams go. */
    interface Receiver {
        /** A datagram from {@code source}, handed over: the receiver sends or releases it. */
        void received(InetSocketAddress source, ByteBuf datagram);
    }
}
