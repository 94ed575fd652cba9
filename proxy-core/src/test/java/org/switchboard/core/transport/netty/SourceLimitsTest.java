package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transport.netty.SipTestMessages.bytes;
import static org.switchboard.core.transport.netty.SipTestMessages.options;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.switchboard.core.transport.SourceFilter;
import org.switchboard.core.transport.Transport;

/** Banned sources, per-source connection limits and the first-message timeout, over real loopback sockets. */
class SourceLimitsTest {
    private static final InetAddress IPV4 = InetAddress.getLoopbackAddress();
    private static final int TIMEOUT_MILLIS = (int) RunningTransports.WAIT.toMillis();

    /** A filter whose blocked and trusted addresses the test sets. */
    private static final class TestFilter implements SourceFilter {
        final Set<InetAddress> blocked = ConcurrentHashMap.newKeySet();
        final Set<InetAddress> trusted = ConcurrentHashMap.newKeySet();

        @Override
        public boolean isBlocked(InetAddress source) {
            return blocked.contains(source);
        }

        @Override
        public boolean isTrusted(InetAddress source) {
            return trusted.contains(source);
        }
    }

    @Test
    void datagramsFromABlockedSourceAreDroppedUnansweredAndCounted() throws Exception {
        TestFilter filter = new TestFilter();
        filter.blocked.add(IPV4);
        try (RunningTransports transports = RunningTransports.on(IPV4);
             DatagramSocket phone = new DatagramSocket(new InetSocketAddress(IPV4, 0))) {
            transports.layer.filterSources(filter);
            byte[] request = bytes(options("SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bK-b1",
                    "b1@test"));

            phone.send(new DatagramPacket(request, request.length, transports.address(Transport.UDP)));
            RunningTransports.awaitTrue("the datagram dropped", () -> transports.layer.stats().blockedDrops() == 1);
            assertThat(transports.received).isEmpty();
            assertThat(transports.layer.stats().messagesIn(Transport.UDP)).isZero();

            filter.blocked.clear();
            phone.send(new DatagramPacket(request, request.length, transports.address(Transport.UDP)));
            assertThat(transports.next().message().callId()).isEqualTo("b1@test");
        }
    }

    @Test
    void connectionFromABlockedSourceIsClosedAtOnce() throws Exception {
        TestFilter filter = new TestFilter();
        filter.blocked.add(IPV4);
        try (RunningTransports transports = RunningTransports.on(IPV4)) {
            transports.layer.filterSources(filter);
            try (Socket client = connect(transports.address(Transport.TCP))) {
                assertThat(client.getInputStream().read()).as("end of stream").isEqualTo(-1);
            }
            assertThat(transports.layer.stats().blockedDrops()).isEqualTo(1);
            assertThat(transports.layer.openConnections()).isZero();
        }
    }

    @Test
    void openConnectionIsClosedAtItsNextMessageOnceItsSourceIsBlocked() throws Exception {
        TestFilter filter = new TestFilter();
        try (RunningTransports transports = RunningTransports.on(IPV4);
             Socket client = connect(transports.address(Transport.TCP))) {
            transports.layer.filterSources(filter);
            client.getOutputStream().write(bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-b3", "b3@test")));
            assertThat(transports.next().message().callId()).isEqualTo("b3@test");

            filter.blocked.add(IPV4);
            client.getOutputStream().write(bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-b4", "b4@test")));

            assertThat(client.getInputStream().read()).as("end of stream").isEqualTo(-1);
            assertThat(transports.received).isEmpty();
        }
    }

    @Test
    void oneSourceCannotHoldMoreThanItsShareOfConnections() throws Exception {
        TransportConfig config = RunningTransports.config(IPV4).withMaxConnectionsPerSource(2);
        try (RunningTransports transports = RunningTransports.on(IPV4, config);
             Socket first = connect(transports.address(Transport.TCP));
             Socket second = connect(transports.address(Transport.TCP))) {
            RunningTransports.awaitTrue("two connections registered", () -> transports.layer.openConnections() == 2);

            try (Socket third = connect(transports.address(Transport.TCP))) {
                assertThat(third.getInputStream().read()).as("refused connection closed").isEqualTo(-1);
            }
            assertThat(transports.layer.stats().connectionsRefused()).isEqualTo(1);

            first.close();
            RunningTransports.awaitTrue("the first connection unregistered",
                    () -> transports.layer.openConnections() == 1);
            try (Socket again = connect(transports.address(Transport.TCP))) {
                again.getOutputStream().write(bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-s1", "s1@test")));
                assertThat(transports.next().message().callId()).isEqualTo("s1@test");
            }
        }
    }

    @Test
    void trustedSourceIsExemptFromThePerSourceLimit() throws Exception {
        TestFilter filter = new TestFilter();
        filter.trusted.add(IPV4);
        TransportConfig config = RunningTransports.config(IPV4).withMaxConnectionsPerSource(1);
        try (RunningTransports transports = RunningTransports.on(IPV4, config)) {
            transports.layer.filterSources(filter);
            try (Socket first = connect(transports.address(Transport.TCP));
                 Socket second = connect(transports.address(Transport.TCP));
                 Socket third = connect(transports.address(Transport.TCP))) {
                RunningTransports.awaitTrue("three connections registered",
                        () -> transports.layer.openConnections() == 3);
                assertThat(transports.layer.stats().connectionsRefused()).isZero();
            }
        }
    }

    @Test
    void connectionThatSendsNothingIsClosedAfterTheFirstMessageTimeout() throws Exception {
        TransportConfig config = RunningTransports.config(IPV4).withFirstMessageTimeout(Duration.ofMillis(300));
        try (RunningTransports transports = RunningTransports.on(IPV4, config);
             Socket silent = connect(transports.address(Transport.TCP))) {
            assertThat(silent.getInputStream().read()).as("end of stream after the timeout").isEqualTo(-1);
            RunningTransports.awaitTrue("the connection unregistered", () -> transports.layer.openConnections() == 0);
            assertThat(transports.layer.stats().firstMessageTimeouts()).isEqualTo(1);
        }
    }

    @Test
    void connectionWhoseFirstMessageCameInTimeStaysOpenPastTheTimeout() throws Exception {
        TransportConfig config = RunningTransports.config(IPV4).withFirstMessageTimeout(Duration.ofMillis(200));
        try (RunningTransports transports = RunningTransports.on(IPV4, config);
             Socket client = connect(transports.address(Transport.TCP))) {
            client.getOutputStream().write(bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-f1", "f1@test")));
            assertThat(transports.next().message().callId()).isEqualTo("f1@test");

            Thread.sleep(600);
            client.getOutputStream().write(bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-f2", "f2@test")));

            assertThat(transports.next().message().callId()).isEqualTo("f2@test");
            assertThat(transports.layer.stats().firstMessageTimeouts()).isZero();
        }
    }

    private static Socket connect(InetSocketAddress address) throws Exception {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }
}
