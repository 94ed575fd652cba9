package org.switchboard.nat.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Relay ports in memory: what each port received is delivered by the test, what it sent is kept. */
final class FakeMediaSockets implements MediaSockets {
    /** A datagram a port sent. */
    record Sent(int fromPort, InetSocketAddress to, byte[] data) {
    }

    private final Map<Integer, Receiver> open = new HashMap<>();
    private final Set<Integer> heldElsewhere = new HashSet<>();
    final List<Sent> sent = new ArrayList<>();

    /** Makes {@code port} look bound by another program. */
    void holdElsewhere(int port) {
        heldElsewhere.add(port);
    }

    /** Delivers {@code data} from {@code source} to our {@code port}. */
    void deliver(int port, InetSocketAddress source, byte[] data) {
        Receiver receiver = open.get(port);
        if (receiver == null) {
            throw new IllegalStateException("port " + port + " is not open");
        }
        receiver.received(source, Unpooled.copiedBuffer(data));
    }

    int openPorts() {
        return open.size();
    }

    boolean isOpen(int port) {
        return open.containsKey(port);
    }

    @Override
    public MediaSocket open(int port, int affinity, Receiver receiver) throws IOException {
        if (heldElsewhere.contains(port) || open.containsKey(port)) {
            throw new IOException("Address already in use: " + port);
        }
        open.put(port, receiver);
        return new MediaSocket() {
            @Override
            public void send(ByteBuf datagram, InetSocketAddress to) {
                byte[] data = new byte[datagram.readableBytes()];
                datagram.readBytes(data);
                datagram.release();
                sent.add(new Sent(port, to, data));
            }

            @Override
            public void close(Runnable closed) {
                open.remove(port);
                closed.run();
            }
        };
    }

    @Override
    public boolean bindable(int port) {
        return !heldElsewhere.contains(port) && !open.containsKey(port);
    }

    @Override
    public void close() {
        open.clear();
    }
}
