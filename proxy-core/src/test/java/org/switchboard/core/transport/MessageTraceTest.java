package org.switchboard.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTraceTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.1", 5060);

    @Test
    void keepsOnlyTheNewestEntriesUpToItsCapacity() {
        MessageTrace trace = new MessageTrace(3);
        for (int i = 0; i < 7; i++) {
            trace.record(TraceEntry.Direction.IN, Transport.UDP, LOCAL, REMOTE, "call-" + i, new byte[] {(byte) i});
        }
        List<TraceEntry> entries = trace.snapshot();
        assertThat(entries).extracting(TraceEntry::callId).containsExactly("call-4", "call-5", "call-6");
        assertThat(entries).extracting(TraceEntry::sequence).containsExactly(4L, 5L, 6L);
    }

    @Test
    void filtersByCallId() {
        MessageTrace trace = new MessageTrace(10);
        trace.record(TraceEntry.Direction.IN, Transport.UDP, LOCAL, REMOTE, "a", new byte[1]);
        trace.record(TraceEntry.Direction.OUT, Transport.TCP, LOCAL, REMOTE, "b", new byte[2]);
        trace.record(TraceEntry.Direction.OUT, Transport.UDP, LOCAL, REMOTE, "a", new byte[3]);
        trace.record(TraceEntry.Direction.IN, Transport.UDP, LOCAL, REMOTE, null, new byte[4]);

        assertThat(trace.byCallId("a")).extracting(TraceEntry::length).containsExactly(1, 3);
    }

    @Test
    void entriesHandOutCopiesOfTheirBytes() {
        MessageTrace trace = new MessageTrace(1);
        trace.record(TraceEntry.Direction.IN, Transport.UDP, LOCAL, REMOTE, "a", new byte[] {1, 2});
        TraceEntry entry = trace.snapshot().get(0);
        entry.bytes()[0] = 9;
        assertThat(entry.bytes()).containsExactly(1, 2);
    }
}
