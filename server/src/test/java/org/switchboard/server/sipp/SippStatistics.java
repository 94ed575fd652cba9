package org.switchboard.server.sipp;

import java.util.Arrays;
import java.util.List;

/**
 * The cumulative call counts from a SIPp statistics file ({@code -trace_stat}): a header line of
 * semicolon-separated field names, then one line per dump; the last line holds the final counts.
 * Immutable.
 *
 * @param successfulCalls calls that ran the scenario to its end
 * @param failedCalls calls that failed (unexpected message, timeout, failed check, ...)
 */
public record SippStatistics(long successfulCalls, long failedCalls) {
    private static final String SUCCESSFUL = "SuccessfulCall(C)";
    private static final String FAILED = "FailedCall(C)";

    /**
     * Reads the final counts from the lines of a statistics file.
     *
     * @throws IllegalArgumentException if the lines are not a SIPp statistics file with data
     */
    public static SippStatistics parse(List<String> lines) {
        List<String> nonEmpty = lines.stream().filter(line -> !line.isBlank()).toList();
        if (nonEmpty.size() < 2) {
            throw new IllegalArgumentException("SIPp statistics have no data line: " + lines);
        }
        List<String> header = Arrays.asList(nonEmpty.get(0).split(";", -1));
        String[] last = nonEmpty.get(nonEmpty.size() - 1).split(";", -1);
        return new SippStatistics(field(header, last, SUCCESSFUL), field(header, last, FAILED));
    }

    private static long field(List<String> header, String[] values, String name) {
        int index = header.indexOf(name);
        if (index < 0 || index >= values.length) {
            throw new IllegalArgumentException("SIPp statistics lack " + name);
        }
        return Long.parseLong(values[index].strip());
    }
}
