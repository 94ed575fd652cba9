package org.switchboard.webadmin.http;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.switchboard.core.spi.store.CallRecord;

/**
 * One call as the call log shows it (public, so that templates can read it). Immutable.
 *
 * @param start the start time, UTC, to the second
 * @param result answered, or the final status code
 * @param talk the talk time as H:MM:SS, "-" if not answered, "?" if its end was not seen
 */
public record CallRow(String start, String caller, String callee, String result, String talk, String hungUpBy,
        String callId) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    static CallRow of(CallRecord r) {
        String talk;
        if (!r.answered()) {
            talk = "-";
        } else if (r.end() == null) {
            talk = "?";
        } else {
            long s = Duration.between(r.answer(), r.end()).toSeconds();
            talk = String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        String result = r.answered() ? "answered" : r.finalStatus() == 0 ? "unknown" : "failed " + r.finalStatus();
        String hungUp = switch (r.hangup()) {
            case CALLER -> "caller";
            case CALLEE -> "callee";
            case NONE -> "-";
        };
        return new CallRow(TIME.format(r.start()), r.caller() == null ? "?" : r.caller(),
                r.callee() == null ? "?" : r.callee(), result, talk, hungUp, r.callId());
    }
}
