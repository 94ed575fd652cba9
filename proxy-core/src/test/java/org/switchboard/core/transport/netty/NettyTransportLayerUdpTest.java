package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transport.netty.SipTestMessages.bytes;
import static org.switchboard.core.transport.netty.SipTestMessages.options;
import static org.switchboard.core.transport.netty.SipTestMessages.readMessage;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.TraceEntry;
import org.switchboard.core.transport.Transport;

/** UDP over real loopback sockets, IPv4 and IPv6. */
class NettyTransportLayerUdpTest {
    private static final int TIMEOUT_MILLIS = (int) RunningTransports.WAIT.toMillis();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void requestGetsReceivedAndRportAndItsResponseGoesBackToTheSourcePort(String host) throws Exception {
        InetAddress loopback = loopback(host);
        try (RunningTransports transports = RunningTransports.on(loopback);
             DatagramSocket client = client(loopback)) {
            String sentBy = loopback.getAddress().length == 4 ? "192.0.2.1:5060" : "[2001:db8::1]:5060";
            send(client, options("SIP/2.0/UDP " + sentBy + ";branch=z9hG4bK-u1;rport", "u1@test"),
                    transports.address(Transport.UDP));

            InboundMessage in = transports.next();
            Via top = in.message().topVia();
            assertThat(top.received()).isEqualTo(IpLiteral.format(loopback));
            assertThat(top.rport()).isEqualTo(client.getLocalPort());
            assertThat(in.flow().transport()).isEqualTo(Transport.UDP);
            assertThat(in.flow().remote()).isEqualTo(client.getLocalSocketAddress());

            SipResponse ok = SipResponse.builderFor((SipRequest) in.message(), 200, "OK").toTag("t1").build();
            transports.layer.sendResponse(ok, in.flow(), SipSender.TransportErrorListener.IGNORE);

            DatagramPacket answer = receive(client);
            assertThat(text(answer)).startsWith("SIP/2.0 200 OK\r\n");
            assertThat(answer.getSocketAddress()).isEqualTo(transports.address(Transport.UDP));
            assertThat(transports.layer.trace().byCallId("u1@test")).extracting(TraceEntry::direction)
                    .containsExactly(TraceEntry.Direction.IN, TraceEntry.Direction.OUT);
        }
    }

    @Test
    void encodedResponseIsRoutedOnceAndSentAgainAsTheSameBytes() throws Exception {
        InetAddress loopback = loopback("127.0.0.1");
        try (RunningTransports transports = RunningTransports.on(loopback);
             DatagramSocket client = client(loopback)) {
            send(client, options("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-e1;rport", "e1@test"),
                    transports.address(Transport.UDP));
            InboundMessage in = transports.next();
            SipResponse ok = SipResponse.builderFor((SipRequest) in.message(), 200, "OK").toTag("t1").build();

            EncodedResponse encoded = transports.layer.encodeResponse(ok, in.flow());
            transports.layer.sendResponse(encoded, SipSender.TransportErrorListener.IGNORE);
            transports.layer.sendResponse(encoded, SipSender.TransportErrorListener.IGNORE);

            assertThat(encoded.destination().address()).isSameAs(in.flow().remote());
            assertThat(encoded.statusCode()).isEqualTo(200);
            assertThat(text(receive(client))).isEqualTo(new String(encoded.bytes(), StandardCharsets.UTF_8));
            assertThat(text(receive(client))).isEqualTo(new String(encoded.bytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void garbageDatagramIsDroppedAndTheNextRequestIsStillServed(String host) throws Exception {
        InetAddress loopback = loopback(host);
        try (RunningTransports transports = RunningTransports.on(loopback);
             DatagramSocket client = client(loopback)) {
            InetSocketAddress server = transports.address(Transport.UDP);
            send(client, "\u0000\u00ff garbage \r\n\r\n", server);
            send(client, options("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-g2", "g2@test"), server);

            assertThat(transports.next().message().callId()).isEqualTo("g2@test");
            assertThat(transports.layer.stats().parseFailures()).isEqualTo(1);
            assertThat(transports.layer.stats().messagesIn(Transport.UDP)).isEqualTo(2);
        }
    }

    @Test
    void crlfKeepAliveDatagramIsIgnoredQuietly() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (RunningTransports transports = RunningTransports.on(loopback);
             DatagramSocket client = client(loopback)) {
            InetSocketAddress server = transports.address(Transport.UDP);
            send(client, "\r\n\r\n", server);
            send(client, options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-k1", "k1@test"), server);

            assertThat(transports.next().message().callId()).isEqualTo("k1@test");
            assertThat(transports.layer.stats().parseFailures()).isZero();
            assertThat(transports.layer.stats().dropped()).isZero();
            assertThat(transports.layer.trace().snapshot()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void malformedRequestIsAnswered400FromTheSocketItCameTo(String host) throws Exception {
        InetAddress loopback = loopback(host);
        try (RunningTransports transports = RunningTransports.on(loopback);
             DatagramSocket client = client(loopback)) {
            String noCallId = options("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-m3;rport", "m3")
                    .replace("Call-ID: m3\r\n", "");
            send(client, noCallId, transports.address(Transport.UDP));

            DatagramPacket answer = receive(client);
            assertThat(text(answer)).startsWith("SIP/2.0 400 Missing Call-ID header\r\n");
            assertThat(answer.getSocketAddress()).isEqualTo(transports.address(Transport.UDP));
            assertThat(transports.received).isEmpty();
            assertThat(transports.layer.stats().badRequestsSent()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void requestLargerThanTheMtuThresholdGoesOverTcpWithItsViaSayingSo(String host) throws Exception {
        InetAddress loopback = loopback(host);
        try (RunningTransports transports = RunningTransports.on(loopback);
             ServerSocket peer = new ServerSocket(0, 1, loopback)) {
            peer.setSoTimeout(TIMEOUT_MILLIS);
            String body = "x".repeat(1500);
            String via = "SIP/2.0/UDP " + IpLiteral.format(loopback) + ";branch=z9hG4bK-big";
            byte[] raw = bytes(options(via, "big@test", body));
            SipRequest big = (SipRequest) SipParser.parse(raw, 0, raw.length, true).message();
            transports.layer.sendRequest(big, Destination.of(Transport.UDP,
                    (InetSocketAddress) peer.getLocalSocketAddress()), SipSender.TransportErrorListener.IGNORE);

            try (Socket connection = peer.accept()) {
                connection.setSoTimeout(TIMEOUT_MILLIS);
                String arrived = readMessage(connection.getInputStream());
                assertThat(arrived).contains("\r\nVia: SIP/2.0/TCP " + IpLiteral.format(loopback)
                        + ";branch=z9hG4bK-big\r\n");
                assertThat(arrived).endsWith(body);
            }
            RunningTransports.awaitTrue("one message out over TCP",
                    () -> transports.layer.stats().messagesOut(Transport.TCP) == 1);
        }
    }

    @Test
    void unroutableResponseIsReportedToTheErrorListenerAfterTheCall() throws Exception {
        try (RunningTransports transports = RunningTransports.on(InetAddress.getLoopbackAddress())) {
            byte[] raw = bytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP phone.example.com;branch=z9hG4bK-x\r\n"
                    + "From: <sip:a@b>;tag=1\r\nTo: <sip:b@c>;tag=2\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n");
            SipResponse response = (SipResponse) SipParser.parse(raw, 0, raw.length, true).message();
            Flow flow = new Flow(Transport.UDP, transports.address(Transport.UDP),
                    new InetSocketAddress("192.0.2.1", 5060), 0);
            CompletableFuture<Throwable> error = new CompletableFuture<>();
            Thread caller = Thread.currentThread();
            CompletableFuture<Thread> listenerThread = new CompletableFuture<>();

            transports.layer.sendResponse(response, flow, cause -> {
                listenerThread.complete(Thread.currentThread());
                error.complete(cause);
            });

            assertThat(error.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isInstanceOf(UnknownHostException.class);
            assertThat(listenerThread.get()).isNotSameAs(caller);
        }
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "::1, true", "127.0.0.1, false", "::1, false"})
    void onAWildcardSocketTheFlowNamesTheAddressTheDatagramWasSentTo(String host, boolean preferEpoll)
            throws Exception {
        InetAddress loopback = loopback(host);
        String wildcard = loopback.getAddress().length == 4 ? "0.0.0.0" : "::";
        TransportConfig config = TransportConfig.withListenPoints(List.of(
                        new ListenPoint(Transport.UDP, new InetSocketAddress(wildcard, 0))))
                .withPreferEpoll(preferEpoll).withEventLoopThreads(1);
        try (RunningTransports transports = RunningTransports.on(loopback, config);
             DatagramSocket client = client(loopback)) {
            InetSocketAddress sentTo = new InetSocketAddress(loopback, transports.address(Transport.UDP).getPort());
            send(client, options("SIP/2.0/UDP " + IpLiteral.format(loopback) + ":" + client.getLocalPort()
                    + ";branch=z9hG4bK-wild;rport", "wild@test"), sentTo);

            InboundMessage in = transports.next();
            assertThat(in.flow().local()).isEqualTo(sentTo);

            SipResponse ok = SipResponse.builderFor((SipRequest) in.message(), 200, "OK").toTag("t1").build();
            transports.layer.sendResponse(ok, in.flow(), SipSender.TransportErrorListener.IGNORE);
            DatagramPacket answer = receive(client);
            assertThat(answer.getSocketAddress()).as("answered from the socket and address it was sent to")
                    .isEqualTo(sentTo);
        }
    }

    private static InetAddress loopback(String host) throws IOException {
        if (host.contains(":")) {
            Assumptions.assumeTrue(RunningTransports.ipv6LoopbackAvailable(),
                    "IPv6 loopback ::1 is not available on this machine; IPv6 socket test skipped");
        }
        return InetAddress.getByName(host);
    }

    private static DatagramSocket client(InetAddress loopback) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static void send(DatagramSocket socket, String message, InetSocketAddress to) throws IOException {
        byte[] b = message.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(b, b.length, to));
    }

    private static DatagramPacket receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
        socket.receive(packet);
        return packet;
    }

    private static String text(DatagramPacket packet) {
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }
}
