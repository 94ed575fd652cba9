package org.switchboard.server.sipp;

/**
 * How a SIPp run ended. Immutable.
 *
 * @param exitCode SIPp's exit code: 0 if every call succeeded, 1 if at least one failed, other
 *     values for SIPp errors (see {@code sipp -h})
 * @param statistics the final call counts, or {@code null} if SIPp wrote none
 * @param errors SIPp's error log ({@code -trace_err}), empty if there were no errors
 * @param screen SIPp's last screen output, for diagnosing a failure
 */
public record SippResult(int exitCode, SippStatistics statistics, String errors, String screen) {

    /** Calls that ran to the end of the scenario. */
    public long successfulCalls() {
        return statistics == null ? 0 : statistics.successfulCalls();
    }

    /** Calls that failed. */
    public long failedCalls() {
        return statistics == null ? 0 : statistics.failedCalls();
    }

    /** A summary for assertion messages: counts, exit code, errors and the screen. */
    @Override
    public String toString() {
        return "SIPp exit code " + exitCode + ", " + successfulCalls() + " successful, " + failedCalls()
                + " failed calls\n--- errors ---\n" + errors + "\n--- screen ---\n" + screen;
    }
}
