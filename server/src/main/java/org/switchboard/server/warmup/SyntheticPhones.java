package org.switchboard.server.warmup;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipResponse;

/**
 * Drives exchanges against a server from one socket, keeping a number of them in flight and
 * starting a new one as each ends, until a deadline or a count. An exchange not ended within five
 * seconds of its start counts as lost. Used by one thread; the loop is bounded and stops by itself.
 */
final class SyntheticPhones {
    private static final long LOST_AFTER_NANOS = 5_000_000_000L;
    /** Room for every answer to a full window of exchanges: a lost datagram stalls an exchange. */
    private static final long DRAIN_NANOS = 500_000_000L;
    static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final Map<String, Exchange> inFlight = new HashMap<>();
    private int succeeded;
    private final Map<Class<?>, Integer> succeededByKind = new HashMap<>();
    private int failed;
    private String firstFailure;

    SyntheticPhones(DatagramSocket socket, InetSocketAddress server) {
        this.socket = socket;
        this.server = server;
    }

    /**
     * Runs exchanges made by {@code next}, {@code window} at a time, until {@code deadlineNanos}
     * ({@link System#nanoTime()}) or {@code count} have ended; then lets those in flight end.
     *
     * @param stopOnFailures stop early once this many have failed and none succeeded
     */
    void run(Supplier<Exchange> next, int window, int count, long deadlineNanos, int stopOnFailures)
            throws IOException {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        int started = 0;
        long nextExpiry = System.nanoTime();
        socket.setSoTimeout(50);
        socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
        while (System.nanoTime() < deadlineNanos && succeeded + failed < count
                && !(succeeded == 0 && failed >= stopOnFailures)) {
            while (inFlight.size() < window && started < count) {
                Exchange exchange = next.get();
                inFlight.put(exchange.callId, exchange);
                started++;
                send(exchange.first());
            }
            try {
                socket.receive(packet);
                onDatagram(buffer, packet.getLength());
            } catch (SocketTimeoutException e) {
                // nothing came: look for lost exchanges below
            }
            if (System.nanoTime() - nextExpiry >= 0) {
                expireLost();
                nextExpiry = System.nanoTime() + LOST_AFTER_NANOS / 10;
            }
        }
        drain(buffer, packet);
    }

    /** Lets the exchanges in flight end, for at most {@link #DRAIN_NANOS}, so none is cut off mid-call. */
    private void drain(byte[] buffer, DatagramPacket packet) throws IOException {
        long until = System.nanoTime() + DRAIN_NANOS;
        while (!inFlight.isEmpty() && System.nanoTime() - until < 0) {
            try {
                socket.receive(packet);
                onDatagram(buffer, packet.getLength());
            } catch (SocketTimeoutException e) {
                // keep waiting until the drain time is up
            }
        }
        inFlight.clear();
    }

    private void onDatagram(byte[] buffer, int length) throws IOException {
        SipMessage message = SipText.parse(buffer, length);
        if (!(message instanceof SipResponse response)) {
            return;
        }
        Exchange exchange = inFlight.get(response.callId());
        if (exchange == null) {
            return; // a retransmission for an exchange that ended
        }
        for (byte[] request : exchange.onResponse(response)) {
            send(request);
        }
        if (exchange.done()) {
            inFlight.remove(exchange.callId);
            if (exchange.failure() == null) {
                succeeded++;
                succeededByKind.merge(exchange.getClass(), 1, Integer::sum);
            } else {
                ended(exchange.failure());
            }
        }
    }

    private void expireLost() {
        long now = System.nanoTime();
        for (Iterator<Exchange> it = inFlight.values().iterator(); it.hasNext(); ) {
            if (now - it.next().startedNanos > LOST_AFTER_NANOS) {
                it.remove();
                ended("not ended within " + LOST_AFTER_NANOS / 1_000_000_000L + " s");
            }
        }
    }

    private void ended(String failure) {
        failed++;
        if (firstFailure == null) {
            firstFailure = failure;
        }
    }

    private void send(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, server));
    }

    int succeeded() {
        return succeeded;
    }

    /** How many exchanges of one kind succeeded. */
    int succeeded(Class<? extends Exchange> kind) {
        return succeededByKind.getOrDefault(kind, 0);
    }

    int failed() {
        return failed;
    }

    /** Why the first failed exchange failed, or {@code null}. */
    String firstFailure() {
        return firstFailure;
    }
}
