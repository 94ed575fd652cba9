package org.switchboard.store.calls;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.store.CallRecord;

/**
 * Call records as a text table for admins: start time (in a given time zone), caller, callee,
 * final status, talk time and who hung up, one call per line under a header. Columns are as wide
 * as their widest value. Immutable and thread-safe.
 */
public final class CallListing {
    private static final String[] HEADER = {"TIME", "CALLER", "CALLEE", "STATUS", "TALK", "HUNG UP BY"};
    private static final String NOT_KNOWN = "?";
    private static final String NOT_APPLICABLE = "-";

    private final DateTimeFormatter time;

    /** @param zone the time zone the start times are shown in */
    public CallListing(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** The table's lines, header first; a single explanatory line if there are no records. */
    public List<String> lines(List<CallRecord> records) {
        if (records.isEmpty()) {
            return List.of("No calls recorded.");
        }
        List<String[]> rows = new ArrayList<>(records.size() + 1);
        rows.add(HEADER);
        for (CallRecord r : records) {
            rows.add(row(r));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private String[] row(CallRecord r) {
        return new String[] {time.format(r.start()), orUnknown(r.caller()), orUnknown(r.callee()),
            r.finalStatus() == 0 ? NOT_KNOWN : Integer.toString(r.finalStatus()), talk(r), hangup(r)};
    }

    private static String orUnknown(String value) {
        return value == null ? NOT_KNOWN : value;
    }

    /** Talk time of an answered call as H:MM:SS; "-" if not answered, "?" if its end was not seen. */
    private static String talk(CallRecord r) {
        if (!r.answered()) {
            return NOT_APPLICABLE;
        }
        if (r.end() == null) {
            return NOT_KNOWN;
        }
        long seconds = Duration.between(r.answer(), r.end()).toSeconds();
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String hangup(CallRecord r) {
        return switch (r.hangup()) {
            case CALLER -> "caller";
            case CALLEE -> "callee";
            case NONE -> r.answered() ? NOT_KNOWN : NOT_APPLICABLE;
        };
    }
}
