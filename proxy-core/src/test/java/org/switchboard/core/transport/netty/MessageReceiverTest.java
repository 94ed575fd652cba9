package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transport.netty.SipTestMessages.bytes;
import static org.switchboard.core.transport.netty.SipTestMessages.options;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;
import org.switchboard.core.message.TestMessages;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.MessageTrace;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.TraceEntry;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.TransportStats;

class MessageReceiverTest {
    private static final Flow UDP_FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("198.51.100.7", 40000), 0);
    private static final String VIA = "SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK77;rport";

    private final List<InboundMessage> delivered = new ArrayList<>();
    private final RecordingSender sender = new RecordingSender();
    private final TransportStats stats = new TransportStats();
    private final MessageTrace trace = new MessageTrace(10);
    private final MessageReceiver receiver = new MessageReceiver(delivered::add, sender, stats, trace);

    @Test
    void wellFormedRequestIsDeliveredWithReceivedAndRport() {
        receiver.receive(bytes(options(VIA, "ok@host")), UDP_FLOW, true);

        assertThat(delivered).hasSize(1);
        Via top = delivered.get(0).message().topVia();
        assertThat(top.received()).isEqualTo("198.51.100.7");
        assertThat(top.rport()).isEqualTo(40000);
        assertThat(top.branch()).isEqualTo("z9hG4bK77");
        assertThat(delivered.get(0).flow()).isEqualTo(UDP_FLOW);
        assertThat(stats.messagesIn(Transport.UDP)).isEqualTo(1);
    }

    @Test
    void bodyShorterThanContentLengthIsAnsweredWith400SayingSo() {
        String truncated = options(VIA, "short@host", "v=0\r\n").replace("Content-Length: 5", "Content-Length: 50");
        receiver.receive(bytes(truncated), UDP_FLOW, true);

        assertThat(delivered).isEmpty();
        assertThat(sender.responses).hasSize(1);
        SipResponse response = sender.responses.get(0);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.reasonPhrase()).isEqualTo("Body shorter than Content-Length");
        assertThat(response.topVia().rport()).isEqualTo(40000);
        assertThat(response.topVia().received()).isEqualTo("198.51.100.7");
        assertThat(response.to().tag()).isNotNull();
        assertThat(sender.flows).containsExactly(UDP_FLOW);
        assertThat(stats.badRequestsSent()).isEqualTo(1);
    }

    @Test
    void missingMandatoryHeaderIsAnsweredWith400NamingIt() {
        String noCallId = options(VIA, "x").replace("Call-ID: x\r\n", "");
        receiver.receive(bytes(noCallId), UDP_FLOW, true);

        assertThat(sender.responses).singleElement()
                .satisfies(r -> assertThat(r.reasonPhrase()).isEqualTo("Missing Call-ID header"));
    }

    @Test
    void garbageIsDroppedAndCounted() {
        receiver.receive(bytes("\u0001\u0002 hello"), UDP_FLOW, true);

        assertThat(delivered).isEmpty();
        assertThat(sender.responses).isEmpty();
        assertThat(stats.parseFailures()).isEqualTo(1);
        assertThat(stats.dropped()).isEqualTo(1);
        assertThat(trace.snapshot()).singleElement()
                .satisfies(e -> assertThat(e.direction()).isEqualTo(TraceEntry.Direction.IN));
    }

    @Test
    void requestWithUnreadableViaIsAnsweredWith400AtThePacketsSource() {
        receiver.receive(bytes(options("SIP/2.0/UDP", "v@host")), UDP_FLOW, true);

        assertThat(delivered).isEmpty();
        assertThat(sender.encoded).singleElement().satisfies(e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.destination()).isEqualTo(Destination.of(Transport.UDP, UDP_FLOW.remote()));
            assertThat(e.localAddress()).isEqualTo(UDP_FLOW.local());
            assertThat(new String(e.bytes(), StandardCharsets.UTF_8)).contains("\r\nVia: SIP/2.0/UDP\r\n",
                    "\r\nCall-ID: v@host\r\n", "\r\nCSeq: 1 OPTIONS\r\n");
        });
        assertThat(stats.badRequestsSent()).isEqualTo(1);
    }

    @Test
    void unreadableViaOverAStreamIsAnsweredOnItsConnection() {
        Flow tcp = new Flow(Transport.TCP, UDP_FLOW.local(), UDP_FLOW.remote(), 9);
        receiver.receive(bytes(options("SIP/2.0/TCP", "t@host")), tcp, false);

        assertThat(sender.encoded).singleElement()
                .satisfies(e -> assertThat(e.destination()).isEqualTo(new Destination(Transport.TCP, tcp.remote(), 9)));
    }

    @Test
    void otherSipVersionIsAnsweredWith505AtThePacketsSource() {
        String sip3 = options("SIP/3.0/UDP 10.0.0.2:5060;branch=z9hG4bK3", "v3@host").replace(" SIP/2.0\r\n",
                " SIP/3.0\r\n");
        receiver.receive(bytes(sip3), UDP_FLOW, true);

        assertThat(delivered).isEmpty();
        assertThat(sender.encoded).singleElement().satisfies(e -> {
            assertThat(e.statusCode()).isEqualTo(505);
            assertThat(e.destination().address()).isEqualTo(UDP_FLOW.remote());
            assertThat(new String(e.bytes(), StandardCharsets.UTF_8)).startsWith("SIP/2.0 505 Version Not Supported");
        });
    }

    @Test
    void unreadableViaWithNothingToMatchAnAnswerByIsDroppedAndCounted() {
        String noCseq = options("SIP/2.0/UDP", "n@host").replace("CSeq: 1 OPTIONS\r\n", "CSeq: one\r\n");
        receiver.receive(bytes(noCseq), UDP_FLOW, true);
        receiver.receive(bytes(options("SIP/2.0/UDP", "n@host").replace("Call-ID: n@host\r\n", "")), UDP_FLOW, true);

        assertThat(sender.encoded).isEmpty();
        assertThat(sender.responses).isEmpty();
        assertThat(stats.malformedDropped()).isEqualTo(2);
        assertThat(stats.dropped()).isEqualTo(2);
    }

    @Test
    void neverAnswersAMulticastBroadcastOrPortZeroSource() throws Exception {
        for (InetSocketAddress source : List.of(new InetSocketAddress("224.0.1.75", 5060),
                new InetSocketAddress("255.255.255.255", 5060), new InetSocketAddress("198.51.100.7", 0))) {
            Flow flow = new Flow(Transport.UDP, UDP_FLOW.local(), source, 0);
            receiver.receive(bytes(options("SIP/2.0/UDP", "m@host")), flow, true);
        }

        assertThat(sender.encoded).isEmpty();
        assertThat(stats.malformedDropped()).isEqualTo(3);
    }

    @Test
    void tooLargeRequestIsAnswered513WhenItsHeadTellsHow() {
        Flow tcp = new Flow(Transport.TCP, UDP_FLOW.local(), UDP_FLOW.remote(), 9);
        String head = options(VIA.replace("UDP", "TCP"), "big@host").replace("Content-Length: 0", "Content-Length: 99999");
        receiver.receiveTooLarge(bytes(head), tcp);
        // cut inside the header section, before Call-ID: nothing to match an answer by
        receiver.receiveTooLarge(bytes(head.substring(0, head.indexOf("Call-ID") + 3)), tcp);

        assertThat(sender.responses).singleElement().satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(513);
            assertThat(r.callId()).isEqualTo("big@host");
        });
        assertThat(sender.flows).containsExactly(tcp);
        assertThat(stats.malformedDropped()).isEqualTo(1);
        assertThat(delivered).isEmpty();
    }

    /** RFC 4475 §3.1.2: every invalid request is answered, 505 for badvers and 400 for the others. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"badinv01", "clerr", "ncl", "scalar02", "quotbal", "ltgtruri", "lwsruri", "lwsstart",
            "trws", "escruri", "regbadct", "badaspec", "baddn", "badvers", "mismatch01", "mismatch02"})
    void rfc4475InvalidRequestIsAnswered(String name) {
        receiver.receive(TestMessages.load("rfc4475/" + name + ".dat"), UDP_FLOW, true);

        int expected = name.equals("badvers") ? 505 : 400;
        assertThat(delivered).isEmpty();
        List<Integer> statuses = new ArrayList<>();
        sender.responses.forEach(r -> statuses.add(r.statusCode()));
        sender.encoded.forEach(e -> statuses.add(e.statusCode()));
        assertThat(statuses).containsExactly(expected);
    }

    @Test
    void dropsAreLoggedAtInfoAtMostOncePerInterval() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("drops-test");
        logger.setLevel(Level.INFO);
        logger.addAppender(lines);
        lines.start();
        long[] now = {0};
        MessageReceiver limited = new MessageReceiver(delivered::add, sender, stats, trace,
                new RateLimitedLog(logger, RateLimitedLog.Level.INFO, "Dropped messages", Duration.ofNanos(1000),
                        () -> now[0]));

        for (int i = 0; i < 5; i++) {
            limited.receive(bytes("garbage " + i), UDP_FLOW, true);
        }
        now[0] = 1000;
        limited.receive(bytes("garbage 5"), UDP_FLOW, true);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .satisfies(l -> assertThat(l.get(0)).contains("from " + UDP_FLOW))
                .satisfies(l -> assertThat(l.get(1)).contains("Dropped messages: 5 since the last such line"));
        assertThat(stats.dropped()).isEqualTo(6);
        logger.detachAppender(lines);
    }

    @Test
    void malformedAckIsNeverAnswered() {
        String ack = options(VIA, "a@host").replace("OPTIONS", "ACK").replace("Call-ID: a@host\r\n", "");
        receiver.receive(bytes(ack), UDP_FLOW, true);

        assertThat(sender.responses).isEmpty();
        assertThat(stats.dropped()).isEqualTo(1);
    }

    @Test
    void responseWithBadHeadersIsDropped() {
        String response = "SIP/2.0 200 OK\r\nVia: " + VIA + "\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:b@c>\r\n"
                + "Call-ID: r@host\r\nCSeq: one OPTIONS\r\nContent-Length: 0\r\n\r\n";
        receiver.receive(bytes(response), UDP_FLOW, true);

        assertThat(delivered).isEmpty();
        assertThat(sender.responses).isEmpty();
        assertThat(stats.dropped()).isEqualTo(1);
    }

    @Test
    void wellFormedResponseIsDeliveredUnchanged() {
        String response = "SIP/2.0 200 OK\r\nVia: " + VIA + "\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:b@c>;tag=2\r\n"
                + "Call-ID: r@host\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        receiver.receive(bytes(response), UDP_FLOW, true);

        assertThat(delivered).singleElement().satisfies(m -> {
            assertThat(m.message()).isInstanceOf(SipResponse.class);
            assertThat(m.message().topVia().received()).isNull();
        });
    }

    @Test
    void failingHandlerDoesNotEscape() {
        MessageReceiver failing = new MessageReceiver(m -> {
            throw new IllegalStateException("boom");
        }, sender, stats, trace);

        failing.receive(bytes(options(VIA, "f@host")), UDP_FLOW, true);

        assertThat(stats.dropped()).isEqualTo(1);
    }

    @Test
    void streamMessageWithoutContentLengthIsAnsweredWith400() {
        Flow tcp = new Flow(Transport.TCP, UDP_FLOW.local(), UDP_FLOW.remote(), 9);
        String noLength = options(VIA.replace("UDP", "TCP"), "t@host").replace("Content-Length: 0\r\n", "");
        receiver.receive(bytes(noLength), tcp, false);

        assertThat(sender.responses).singleElement()
                .satisfies(r -> assertThat(r.reasonPhrase()).isEqualTo("Missing Content-Length on a stream transport"));
        assertThat(sender.flows).containsExactly(tcp);
    }

    /** Records responses instead of sending them. */
    private static final class RecordingSender implements SipSender {
        final List<SipResponse> responses = new ArrayList<>();
        final List<Flow> flows = new ArrayList<>();
        final List<EncodedResponse> encoded = new ArrayList<>();

        @Override
        public void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError) {
            throw new AssertionError("the receiver never sends requests");
        }

        @Override
        public void sendResponse(SipResponse response, Flow requestFlow, TransportErrorListener onError) {
            responses.add(response);
            flows.add(requestFlow);
        }

        @Override
        public EncodedResponse encodeResponse(SipResponse response, Flow requestFlow) {
            throw new AssertionError("the receiver sends each response once");
        }

        @Override
        public void sendResponse(EncodedResponse response, TransportErrorListener onError) {
            encoded.add(response);
        }
    }
}
