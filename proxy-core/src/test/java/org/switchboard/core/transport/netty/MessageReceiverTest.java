package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transport.netty.SipTestMessages.bytes;
import static org.switchboard.core.transport.netty.SipTestMessages.options;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    void requestWithUnreadableViaIsDroppedWithoutAnswer() {
        receiver.receive(bytes(options("SIP/2.0/UDP", "v@host")), UDP_FLOW, true);

        assertThat(delivered).isEmpty();
        assertThat(sender.responses).isEmpty();
        assertThat(stats.dropped()).isEqualTo(1);
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
            throw new AssertionError("the receiver sends each response once");
        }
    }
}
