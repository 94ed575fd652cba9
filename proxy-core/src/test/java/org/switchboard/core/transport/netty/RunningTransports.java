package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

/** A started {@link NettyTransportLayer} on ephemeral loopback ports that queues what it receives. */
final class RunningTransports implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    final NettyTransportLayer layer;
    final BlockingQueue<InboundMessage> received = new LinkedBlockingQueue<>();
    final InetAddress loopback;

    private RunningTransports(InetAddress loopback, TransportConfig config) throws IOException {
        this.loopback = loopback;
        this.layer = new NettyTransportLayer(config, received::add);
        layer.start();
    }

    /** UDP and TCP on {@code loopback}, port 0, one event loop thread, default limits. */
    static RunningTransports on(InetAddress loopback) throws IOException {
        return on(loopback, config(loopback));
    }

    static RunningTransports on(InetAddress loopback, TransportConfig config) throws IOException {
        return new RunningTransports(loopback, config);
    }

    static TransportConfig config(InetAddress loopback) {
        return TransportConfig.withListenPoints(List.of(
                        new ListenPoint(Transport.UDP, new InetSocketAddress(loopback, 0)),
                        new ListenPoint(Transport.TCP, new InetSocketAddress(loopback, 0))))
                .withEventLoopThreads(1);
    }

    InetSocketAddress address(Transport transport) {
        return layer.boundListenPoints().stream()
                .filter(lp -> lp.transport() == transport)
                .findFirst()
                .orElseThrow()
                .address();
    }

    /** The next message the layer delivered, failing the test if none comes in time. */
    InboundMessage next() throws InterruptedException {
        InboundMessage m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(m).as("a message delivered within %s", WAIT).isNotNull();
        return m;
    }

    @Override
    public void close() {
        layer.stop();
    }

    /** Waits until the condition holds, failing the test after {@link #WAIT}. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("waited %s for: %s", WAIT, what).isTrue();
            Thread.sleep(10);
        }
    }

    /** Whether this machine can bind the IPv6 loopback {@code ::1}. */
    static boolean ipv6LoopbackAvailable() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
