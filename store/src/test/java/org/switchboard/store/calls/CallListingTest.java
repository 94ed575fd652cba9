package org.switchboard.store.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecord.Hangup;

class CallListingTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void listsEachCallUnderAHeaderInAlignedColumns() {
        CallRecord calleeHungUp = new CallRecord("c3", "sip:bob@example.com", "sip:alice@example.com",
                T0.plusSeconds(7200), T0.plusSeconds(7201), T0.plusSeconds(7201 + 3723), 200, Hangup.CALLEE);

        List<String> lines = new CallListing(ZoneId.of("Europe/Paris")).lines(List.of(calleeHungUp,
                CallRecords.busy("c2", T0.plusSeconds(60)), CallRecords.answered("c1", T0)));

        assertThat(lines).containsExactly(
                "TIME                 CALLER                         CALLEE                 STATUS  TALK     HUNG UP BY",
                "2025-03-01 13:00:00  sip:bob@example.com            sip:alice@example.com  200     1:02:03  callee",
                "2025-03-01 11:01:00  sip:carol@outside.example.net  sip:bob@example.com    486     -        -",
                "2025-03-01 11:00:00  sip:alice@example.com          sip:bob@example.com    200     0:01:05  caller");
    }

    @Test
    void unknownValuesShowAsQuestionMarks() {
        CallRecord evicted = new CallRecord("c1", null, "sip:bob@example.com", T0, T0, null, 200, Hangup.NONE);
        CallRecord neverAnswered = new CallRecord("c2", "sip:a@example.com", null, T0, null, null, 0, Hangup.NONE);

        List<String> lines = new CallListing(ZoneOffset.UTC).lines(List.of(evicted, neverAnswered));

        assertThat(lines.get(1)).isEqualTo("2025-03-01 10:00:00  ?                  sip:bob@example.com  200     ?     ?");
        assertThat(lines.get(2)).isEqualTo("2025-03-01 10:00:00  sip:a@example.com  ?                    ?       -     -");
    }

    @Test
    void saysSoWhenThereAreNoCalls() {
        assertThat(new CallListing(ZoneOffset.UTC).lines(List.of())).containsExactly("No calls recorded.");
    }
}
