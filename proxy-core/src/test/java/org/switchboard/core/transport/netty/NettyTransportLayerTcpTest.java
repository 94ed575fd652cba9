package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transport.netty.SipTestMessages.bytes;
import static org.switchboard.core.transport.netty.SipTestMessages.options;
import static org.switchboard.core.transport.netty.SipTestMessages.readMessage;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;

/** TCP over real loopback sockets, IPv4 and IPv6. */
class NettyTransportLayerTcpTest {
    private static final int TIMEOUT_MILLIS = (int) RunningTransports.WAIT.toMillis();
    private static final InetAddress IPV4 = InetAddress.getLoopbackAddress();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void requestAndItsResponseUseTheSameConnection(String host) throws Exception {
        InetAddress loopback = loopback(host);
        try (RunningTransports transports = RunningTransports.on(loopback);
             Socket client = connect(transports.address(Transport.TCP))) {
            client.getOutputStream().write(bytes(options("SIP/2.0/TCP client.example.com;branch=z9hG4bK-t1", "t1@test")));

            InboundMessage in = transports.next();
            assertThat(in.flow().transport()).isEqualTo(Transport.TCP);
            assertThat(in.flow().connectionId()).isNotZero();
            assertThat(in.flow().remote()).isEqualTo(client.getLocalSocketAddress());
            assertThat(in.message().topVia().received()).isEqualTo(IpLiteral.format(loopback));

            SipResponse ok = SipResponse.builderFor((SipRequest) in.message(), 200, "OK").toTag("t").build();
            transports.layer.sendResponse(ok, in.flow(), SipSender.TransportErrorListener.IGNORE);

            assertThat(readMessage(client.getInputStream())).startsWith("SIP/2.0 200 OK\r\n");
            assertThat(transports.layer.openConnections()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void requestsToOneRemoteShareOneConnection(String host) throws Exception {
        InetAddress loopback = loopback(host);
        try (RunningTransports transports = RunningTransports.on(loopback);
             ServerSocket peer = new ServerSocket(0, 5, loopback)) {
            peer.setSoTimeout(TIMEOUT_MILLIS);
            Destination destination = Destination.of(Transport.TCP, (InetSocketAddress) peer.getLocalSocketAddress());
            CopyOnWriteArrayList<Throwable> errors = new CopyOnWriteArrayList<>();
            transports.layer.sendRequest(request("r1@test"), destination, errors::add);
            transports.layer.sendRequest(request("r2@test"), destination, errors::add);

            try (Socket connection = peer.accept()) {
                connection.setSoTimeout(TIMEOUT_MILLIS);
                InputStream in = connection.getInputStream();
                assertThat(readMessage(in)).contains("Call-ID: r1@test\r\n");
                assertThat(readMessage(in)).contains("Call-ID: r2@test\r\n");
                transports.layer.sendRequest(request("r3@test"), destination, errors::add);
                assertThat(readMessage(in)).contains("Call-ID: r3@test\r\n");
                assertThat(transports.layer.openConnections()).isEqualTo(1);
            }
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void keepAlivePingGetsAPong() throws Exception {
        try (RunningTransports transports = RunningTransports.on(IPV4);
             Socket client = connect(transports.address(Transport.TCP))) {
            client.getOutputStream().write(bytes("\r\n\r\n"));
            assertThat(client.getInputStream().readNBytes(2)).isEqualTo(bytes("\r\n"));
        }
    }

    @Test
    void messageWithoutContentLengthIsAnswered400AndTheConnectionClosed() throws Exception {
        try (RunningTransports transports = RunningTransports.on(IPV4);
             Socket client = connect(transports.address(Transport.TCP))) {
            String noLength = options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-n1", "n1@test")
                    .replace("Content-Length: 0\r\n", "");
            client.getOutputStream().write(bytes(noLength));

            InputStream in = client.getInputStream();
            assertThat(readMessage(in)).startsWith("SIP/2.0 400 Missing Content-Length on a stream transport\r\n");
            assertThat(in.read()).as("end of stream").isEqualTo(-1);
            assertThat(transports.received).isEmpty();
        }
    }

    @Test
    void messageOverTheSizeLimitIsAnswered513AndTheConnectionClosed() throws Exception {
        int limit = TransportConfig.DEFAULT_MAX_STREAM_MESSAGE_SIZE;
        String bigBody = options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-b1", "b1@test", "x".repeat(limit));
        String bigHeader = options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-b2", "b2@test")
                .replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nX-Filler: " + "y".repeat(limit) + "\r\n");
        for (String big : List.of(bigBody, bigHeader)) {
            try (RunningTransports transports = RunningTransports.on(IPV4);
                 Socket client = connect(transports.address(Transport.TCP))) {
                client.getOutputStream().write(bytes(big));

                InputStream in = client.getInputStream();
                String answer = readMessage(in);
                assertThat(answer).startsWith("SIP/2.0 513 Message Too Large\r\n")
                        .contains("Call-ID: " + (big == bigBody ? "b1@test" : "b2@test") + "\r\n");
                assertThat(in.read()).as("end of stream").isEqualTo(-1);
                assertThat(transports.received).isEmpty();
            }
        }
    }

    @Test
    void halfWrittenMessageThenCloseIsSurvived() throws Exception {
        try (RunningTransports transports = RunningTransports.on(IPV4)) {
            InetSocketAddress server = transports.address(Transport.TCP);
            byte[] message = bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-h1", "h1@test"));
            try (Socket broken = connect(server)) {
                broken.getOutputStream().write(message, 0, message.length / 2);
            }
            RunningTransports.awaitTrue("the broken connection closed",
                    () -> transports.layer.stats().connectionsOpen() == 0);

            try (Socket client = connect(server)) {
                client.getOutputStream().write(message);
                assertThat(transports.next().message().callId()).isEqualTo("h1@test");
            }
        }
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        TransportConfig config = RunningTransports.config(IPV4).withIdleTimeout(Duration.ofMillis(200));
        try (RunningTransports transports = RunningTransports.on(IPV4, config);
             Socket client = connect(transports.address(Transport.TCP))) {
            RunningTransports.awaitTrue("the connection registered", () -> transports.layer.openConnections() == 1);
            assertThat(client.getInputStream().read()).as("end of stream after the idle timeout").isEqualTo(-1);
            RunningTransports.awaitTrue("the connection unregistered", () -> transports.layer.openConnections() == 0);
        }
    }

    @Test
    void responseOverAClosedConnectionReconnectsToTheViaAddress() throws Exception {
        try (RunningTransports transports = RunningTransports.on(IPV4);
             ServerSocket phone = new ServerSocket(0, 1, IPV4)) {
            phone.setSoTimeout(TIMEOUT_MILLIS);
            String via = "SIP/2.0/TCP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bK-c1";
            InboundMessage in;
            try (Socket client = connect(transports.address(Transport.TCP))) {
                client.getOutputStream().write(bytes(options(via, "c1@test")));
                in = transports.next();
            }
            RunningTransports.awaitTrue("the request connection closed", () -> transports.layer.openConnections() == 0);

            SipResponse ok = SipResponse.builderFor((SipRequest) in.message(), 200, "OK").toTag("t").build();
            transports.layer.sendResponse(ok, in.flow(), SipSender.TransportErrorListener.IGNORE);

            try (Socket back = phone.accept()) {
                back.setSoTimeout(TIMEOUT_MILLIS);
                assertThat(readMessage(back.getInputStream())).startsWith("SIP/2.0 200 OK\r\n");
            }
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() throws Exception {
        TransportConfig config = RunningTransports.config(IPV4).withMaxConnections(1);
        try (RunningTransports transports = RunningTransports.on(IPV4, config);
             Socket first = connect(transports.address(Transport.TCP))) {
            RunningTransports.awaitTrue("the first connection registered",
                    () -> transports.layer.openConnections() == 1);
            try (Socket second = connect(transports.address(Transport.TCP))) {
                assertThat(second.getInputStream().read()).as("refused connection closed").isEqualTo(-1);
            }
            first.getOutputStream().write(bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-l1", "l1@test")));
            assertThat(transports.next().message().callId()).isEqualTo("l1@test");
        }
    }

    @Test
    void refusedConnectionIsReportedToTheErrorListener() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, IPV4)) {
            closed = (InetSocketAddress) s.getLocalSocketAddress();
        }
        try (RunningTransports transports = RunningTransports.on(IPV4)) {
            CompletableFuture<Throwable> error = new CompletableFuture<>();
            transports.layer.sendRequest(request("e1@test"), Destination.of(Transport.TCP, closed), error::complete);

            assertThat(error.get(RunningTransports.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(IOException.class);
            assertThat(transports.layer.stats().sendFailures()).isEqualTo(1);
        }
    }

    private static SipRequest request(String callId) {
        byte[] raw = bytes(options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-" + callId.hashCode(), callId));
        return (SipRequest) SipParser.parse(raw, 0, raw.length, true).message();
    }

    private static InetAddress loopback(String host) throws IOException {
        if (host.contains(":")) {
            Assumptions.assumeTrue(RunningTransports.ipv6LoopbackAvailable(),
                    "IPv6 loopback ::1 is not available on this machine; IPv6 socket test skipped");
        }
        return InetAddress.getByName(host);
    }

    private static Socket connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.connect(server, TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }
}
