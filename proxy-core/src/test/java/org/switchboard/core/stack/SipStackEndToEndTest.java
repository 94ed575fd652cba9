package org.switchboard.core.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.TestMessages;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.phone.Received;
import org.switchboard.testkit.sip.Match;

/**
 * The assembled stack over real sockets on loopback: what a phone sees when it talks to the server
 * before any feature module is plugged in.
 */
class SipStackEndToEndTest {
    /** A short T1 so that Timer H and Timer J (64*T1) pass within a test. */
    private static final TimerSettings FAST = new TimerSettings(25, 400, 500);

    private static final AtomicInteger SEEN_BY_CHAIN = new AtomicInteger();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static SipStack stack;
    private static boolean ipv6;

    @BeforeAll
    static void start() throws Exception {
        List<ListenPoint> points = new ArrayList<>(List.of(
                new ListenPoint(Transport.UDP, new InetSocketAddress("127.0.0.1", 0)),
                new ListenPoint(Transport.TCP, new InetSocketAddress("127.0.0.1", 0))));
        ipv6 = ipv6LoopbackAvailable();
        if (ipv6) {
            points.add(new ListenPoint(Transport.UDP, new InetSocketAddress("::1", 0)));
        }
        SipStackConfig config = SipStackConfig.of(TransportConfig.withListenPoints(points)).withTimers(FAST);
        // counts every request that reaches the local processors, i.e. that was not absorbed as a retransmission
        stack = new SipStack(config, List.of(context -> {
            if (!context.request().isMethod("OPTIONS")) {
                SEEN_BY_CHAIN.incrementAndGet();
            }
            return ProcessorResult.CONTINUE;
        }));
        stack.start();
    }

    private static boolean ipv6LoopbackAvailable() {
        try (var socket = new java.net.DatagramSocket(new InetSocketAddress("::1", 0))) {
            return socket.isBound();
        } catch (Exception e) {
            return false;
        }
    }

    @AfterAll
    static void stop() {
        stack.stop();
    }

    private static InetSocketAddress address(Transport transport, boolean v6) {
        return stack.transports().boundListenPoint(transport, v6).address();
    }

    private static String request(String method, String uri, Phone phone, String transport, String branch,
            String callId, int cseq) {
        return method + " " + uri + " SIP/2.0\n"
                + "Via: SIP/2.0/" + transport + " " + phone.sentBy() + ";branch=" + branch + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:alice@example.com>;tag=from-" + callId + "\n"
                + "To: <" + uri + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "Content-Length: 0\n\n";
    }

    /** A scripted phone on UDP at the server address's family; this test writes its requests as text. */
    private static Phone phone(InetSocketAddress server) {
        return Phone.of("alice", "example.com").server(server).localAddress(server.getAddress()).open();
    }

    /** A scripted phone on TCP, connected to the server. */
    private static Phone tcpPhone(InetSocketAddress server) {
        return Phone.of("alice", "example.com").server(server).localAddress(server.getAddress()).tcp().open();
    }

    /**
     * The next response the phone received, read by the stack's own parser so that the assertions
     * see the server's message model; {@code null} if none arrives within the time.
     */
    private static SipResponse receive(Phone phone, int timeoutMillis) {
        Received received = phone.poll(Duration.ofMillis(timeoutMillis));
        if (received == null) {
            return null;
        }
        ParseResult result = SipParser.parse(received.bytes(), 0, received.bytes().length,
                received.connection() == null);
        if (!result.isSuccess()) {
            throw new AssertionError("Server sent unparseable bytes: " + result.error());
        }
        return (SipResponse) result.message();
    }

    /** The next response of the call, as {@link #receive(Phone, int)}; responses of other calls stay unread. */
    private static SipResponse receive(Phone phone, String callId, int timeoutMillis) {
        Received received = phone.expect(Match.callId(callId), Duration.ofMillis(timeoutMillis));
        return (SipResponse) SipParser.parse(received.bytes(), 0, received.bytes().length, true).message();
    }

    private static String unique() {
        return "z9hG4bK-e2e-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    }

    private static String uriOf(InetSocketAddress server) {
        String host = server.getAddress().getHostAddress();
        return "sip:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
    }

    private static void assertOptionsAnswered(SipResponse response) {
        assertThat(response).as("response to OPTIONS").isNotNull();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header(HeaderName.ALLOW)).contains("INVITE", "OPTIONS", "CANCEL", "BYE");
        assertThat(response.header(HeaderName.ACCEPT)).isEqualTo("application/sdp");
        assertThat(response.headers().contains(HeaderName.SUPPORTED)).isTrue();
    }

    @Test
    void answersOptionsOverUdp() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        try (Phone phone = phone(server)) {
            String callId = unique();
            phone.sendRaw(request("OPTIONS", uriOf(server), phone, "UDP", unique(), callId, 1));
            SipResponse response = receive(phone, 2000);
            assertOptionsAnswered(response);
            assertThat(response.topVia().received()).isEqualTo("127.0.0.1");
            assertThat(response.topVia().rport()).isEqualTo(phone.localAddress().getPort());
            assertThat(response.callId()).isEqualTo(callId);
        }
    }

    @Test
    void answersOptionsOverTcp() throws Exception {
        InetSocketAddress server = address(Transport.TCP, false);
        try (Phone phone = tcpPhone(server)) {
            phone.sendRaw(request("OPTIONS", uriOf(server), phone, "TCP", unique(), unique(), 1));
            assertOptionsAnswered(receive(phone, 2000));
        }
    }

    @Test
    void answersOptionsOverUdpOnIpv6() throws Exception {
        Assumptions.assumeTrue(ipv6, "IPv6 loopback ::1 is not available on this machine");
        InetSocketAddress server = address(Transport.UDP, true);
        try (Phone phone = phone(server)) {
            phone.sendRaw(request("OPTIONS", uriOf(server), phone, "UDP", unique(), unique(), 1));
            SipResponse response = receive(phone, 2000);
            assertOptionsAnswered(response);
            assertThat(response.topVia().host()).startsWith("[");
        }
    }

    @Test
    void answersARetransmissionFromTheTransactionWithoutProcessingItAgain() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        try (Phone phone = phone(server)) {
            String message = request("MESSAGE", "sip:nobody@" + server.getAddress().getHostAddress(), phone, "UDP",
                    unique(), unique(), 7);
            int before = SEEN_BY_CHAIN.get();
            phone.sendRaw(message);
            SipResponse first = receive(phone, 2000);
            phone.sendRaw(message);
            SipResponse second = receive(phone, 2000);

            assertThat(first.statusCode()).isEqualTo(404);
            assertThat(second).as("retransmission answered").isNotNull();
            assertThat(second.statusCode()).isEqualTo(404);
            assertThat(second.to().tag()).isEqualTo(first.to().tag());
            assertThat(SEEN_BY_CHAIN.get() - before).isEqualTo(1);
        }
    }

    @Test
    void forgetsANonInviteTransactionAfterTimerJ() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        try (Phone phone = phone(server)) {
            String message = request("MESSAGE", "sip:nobody@" + server.getAddress().getHostAddress(), phone, "UDP",
                    unique(), unique(), 1);
            int before = SEEN_BY_CHAIN.get();
            phone.sendRaw(message);
            SipResponse first = receive(phone, 2000);

            Thread.sleep(FAST.transactionTimeoutMillis() + 500);
            phone.sendRaw(message);
            SipResponse afterTimerJ = receive(phone, 2000);

            assertThat(first.statusCode()).isEqualTo(404);
            assertThat(afterTimerJ.statusCode()).isEqualTo(404);
            assertThat(afterTimerJ.to().tag()).as("a new transaction answers with a new tag").isNotEqualTo(first.to().tag());
            assertThat(SEEN_BY_CHAIN.get() - before).isEqualTo(2);
        }
    }

    @Test
    void retransmitsAFinalInviteResponseUntilTimerHWhenNoAckComes() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        try (Phone phone = phone(server)) {
            phone.sendRaw(request("INVITE", "sip:nobody@" + server.getAddress().getHostAddress(), phone, "UDP",
                    unique(), unique(), 1));
            long start = System.nanoTime();
            List<Long> arrivals = new ArrayList<>();
            SipResponse response;
            while ((response = receive(phone, 1500)) != null) {
                assertThat(response.statusCode()).isEqualTo(404);
                arrivals.add((System.nanoTime() - start) / 1_000_000);
            }
            // Timer G doubles from T1 up to T2; Timer H (64*T1) ends the retransmissions
            assertThat(arrivals.size()).isGreaterThanOrEqualTo(5);
            assertThat(arrivals.get(arrivals.size() - 1)).isLessThanOrEqualTo(FAST.transactionTimeoutMillis() + 300);
            assertThat(arrivals.get(2) - arrivals.get(1)).isGreaterThan(arrivals.get(1) - arrivals.get(0));
        }
    }

    @Test
    void stopsRetransmittingTheFinalResponseOnceTheAckArrives() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        try (Phone phone = phone(server)) {
            String branch = unique();
            String callId = unique();
            String uri = "sip:nobody@" + server.getAddress().getHostAddress();
            phone.sendRaw(request("INVITE", uri, phone, "UDP", branch, callId, 1));
            SipResponse response = receive(phone, 2000);
            assertThat(response.statusCode()).isEqualTo(404);

            String ack = request("ACK", uri, phone, "UDP", branch, callId, 1)
                    .replace("To: <" + uri + ">", "To: " + response.header(HeaderName.TO));
            phone.sendRaw(ack);
            // retransmissions already on the wire may still arrive; then silence
            SipResponse late;
            int lateCount = 0;
            while ((late = receive(phone, 400)) != null) {
                assertThat(late.statusCode()).isEqualTo(404);
                lateCount++;
            }
            assertThat(lateCount).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void survivesGarbageAndKeepsAnswering() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        long failuresBefore = stack.transports().stats().parseFailures();
        try (Phone phone = phone(server)) {
            phone.sendRaw(new byte[] {0, 1, 2, (byte) 0xff, 'S', 'I', 'P'});
            phone.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            phone.sendRaw(request("OPTIONS", uriOf(server), phone, "UDP", unique(), unique(), 1));
            assertOptionsAnswered(receive(phone, 2000));
        }
        assertThat(stack.transports().stats().parseFailures()).isGreaterThan(failuresBefore);
    }

    /** RFC 4475 §3.1.2.1 and §3.1.2.16: the Via cannot route the answer, so it goes to the packet's source. */
    @Test
    void answersRfc4475BadinvAndBadversAtThePacketsSource() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        try (Phone phone = phone(server)) {
            phone.sendRaw(TestMessages.load("rfc4475/badinv01.dat"));
            SipResponse badRequest = receive(phone, 2000);
            assertThat(badRequest).isNotNull();
            assertThat(badRequest.statusCode()).isEqualTo(400);
            assertThat(badRequest.callId()).isEqualTo("badinv01.0ha0isndaksdjasdf3234nas");

            phone.sendRaw(TestMessages.load("rfc4475/badvers.dat"));
            SipResponse version = receive(phone, 2000);
            assertThat(version).isNotNull();
            assertThat(version.statusCode()).isEqualTo(505);
            assertThat(version.callId()).isEqualTo("badvers.31417@c.example.com");
        }
    }

    @Test
    void answersAMalformedRequestWith400SayingWhatIsWrong() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        try (Phone phone = phone(server)) {
            String bad = request("OPTIONS", uriOf(server), phone, "UDP", unique(), unique(), 1)
                    .replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS");
            phone.sendRaw(bad);
            SipResponse response = receive(phone, 2000);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.reasonPhrase()).containsIgnoringCase("CSeq");
        }
    }

    @Test
    void survivesAHalfWrittenTcpMessage() throws Exception {
        InetSocketAddress server = address(Transport.TCP, false);
        try (Phone phone = tcpPhone(server)) {
            String full = request("OPTIONS", uriOf(server), phone, "TCP", unique(), unique(), 1);
            phone.sendRaw(full.substring(0, full.length() / 2));
        }
        try (Phone phone = tcpPhone(server)) {
            phone.sendRaw(request("OPTIONS", uriOf(server), phone, "TCP", unique(), unique(), 1));
            assertOptionsAnswered(receive(phone, 2000));
        }
    }

    @Test
    void answersEachUnservableRequestWithItsFinalResponse() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        String host = server.getAddress().getHostAddress();
        try (Phone phone = phone(server)) {
            String foo = unique();
            phone.sendRaw(request("FOO", uriOf(server), phone, "UDP", unique(), foo, 1));
            assertThat(receive(phone, foo, 2000).statusCode()).isEqualTo(501);

            // not acknowledged: its retransmissions (Timer G) must not be taken for the answers below
            String tel = unique();
            phone.sendRaw(request("INVITE", "tel:+4930123456", phone, "UDP", unique(), tel, 1));
            assertThat(receive(phone, tel, 2000).statusCode()).isEqualTo(416);

            String version = unique();
            phone.sendRaw(request("OPTIONS", uriOf(server), phone, "UDP", unique(), version, 1)
                    .replace(" SIP/2.0\n", " SIP/3.0\n"));
            assertThat(receive(phone, version, 2000).statusCode()).isEqualTo(505);

            String hops = unique();
            phone.sendRaw(request("MESSAGE", "sip:bob@elsewhere.example.org", phone, "UDP", unique(), hops, 1)
                    .replace("Max-Forwards: 70", "Max-Forwards: 0"));
            assertThat(receive(phone, hops, 2000).statusCode()).isEqualTo(483);

            String nobody = unique();
            phone.sendRaw(request("MESSAGE", "sip:nobody@" + host, phone, "UDP", unique(), nobody, 1));
            assertThat(receive(phone, nobody, 2000).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void answersOptionsSentToTheLoopbackAddressWithoutAPort() throws Exception {
        InetSocketAddress server = address(Transport.UDP, false);
        assertThat(stack.localAddresses().isLocalHost(InetAddress.getLoopbackAddress().getHostAddress())).isTrue();
        try (Phone phone = phone(server)) {
            // no port in the URI means 5060, which is not ours in this test: routed, so 404 rather than 200
            phone.sendRaw(request("OPTIONS", "sip:127.0.0.1", phone, "UDP", unique(), unique(), 1));
            assertThat(receive(phone, 2000).statusCode()).isEqualTo(404);
        }
    }
}
