package org.switchboard.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.service.MessageTraceService;
import org.switchboard.core.spi.service.TracedMessage;
import org.switchboard.core.transport.MessageTrace;
import org.switchboard.core.transport.TraceEntry;
import org.switchboard.core.transport.Transport;

/** The message trace as plugins read it: the newest messages, bounded, per call and per user. */
class TraceViewTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40000);

    private final MessageTrace trace = new MessageTrace(10);
    private final TraceView view = new TraceView(trace);

    private void record(TraceEntry.Direction direction, String callId, String from, String to) {
        String text = "INVITE sip:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:" + from + ">;tag=1\r\n"
                + "To: <sip:" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
        trace.record(direction, Transport.UDP, LOCAL, REMOTE, callId, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recentGivesTheNewestMessagesOldestFirstUpToTheLimit() {
        record(TraceEntry.Direction.IN, "a", "201@example.com", "202@example.com");
        record(TraceEntry.Direction.OUT, "b", "201@example.com", "203@example.com");
        record(TraceEntry.Direction.IN, "c", "204@example.com", "202@example.com");

        assertThat(view.recent(2)).extracting(TracedMessage::callId).containsExactly("b", "c");
        assertThat(view.recent(2).get(0).inbound()).isFalse();
        assertThat(view.recent(2).get(1).text()).startsWith("INVITE sip:202@example.com SIP/2.0\r\n");
    }

    @Test
    void byCallIdGivesOnlyThatCallsMessages() {
        record(TraceEntry.Direction.IN, "a", "201@example.com", "202@example.com");
        record(TraceEntry.Direction.IN, "b", "201@example.com", "203@example.com");
        record(TraceEntry.Direction.OUT, "a", "201@example.com", "202@example.com");

        assertThat(view.byCallId("a", 10)).extracting(TracedMessage::sequence).containsExactly(0L, 2L);
        assertThat(view.byCallId("a", 1)).extracting(TracedMessage::sequence).containsExactly(2L);
    }

    @Test
    void byUserMatchesTheUserInFromOrToAndTheDomainWhateverItsCase() {
        record(TraceEntry.Direction.IN, "a", "201@example.com", "202@example.com");
        record(TraceEntry.Direction.IN, "b", "203@example.com", "201@EXAMPLE.com");
        record(TraceEntry.Direction.IN, "c", "2011@example.com", "202@example.com");
        record(TraceEntry.Direction.IN, "d", "201@other.example.org", "202@example.com");
        trace.record(TraceEntry.Direction.IN, Transport.UDP, LOCAL, REMOTE, null,
                "not SIP at all".getBytes(StandardCharsets.UTF_8));

        assertThat(view.byUser("201", "example.com", 10)).extracting(TracedMessage::callId).containsExactly("a", "b");
    }

    @Test
    void refusesALimitOutsideItsBounds() {
        assertThatThrownBy(() -> view.recent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.byCallId("a", MessageTraceService.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
