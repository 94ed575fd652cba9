package org.switchboard.store.calls;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecord.Hangup;

/** Test call records. */
final class CallRecords {
    private CallRecords() {
    }

    /** A call answered 2 s after {@code start}, hung up by the caller after 65 s of talk. */
    static CallRecord answered(String callId, Instant start) {
        Instant answer = start.plusSeconds(2);
        return new CallRecord(callId, "sip:alice@example.com", "sip:bob@example.com", start, answer,
                answer.plus(Duration.ofSeconds(65)), 200, Hangup.CALLER);
    }

    /** A call rejected busy 3 s after {@code start}. */
    static CallRecord busy(String callId, Instant start) {
        return new CallRecord(callId, "sip:carol@outside.example.net", "sip:bob@example.com", start, null,
                start.plusSeconds(3), 486, Hangup.NONE);
    }
}
