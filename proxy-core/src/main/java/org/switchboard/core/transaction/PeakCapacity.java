package org.switchboard.core.transaction;

/**
 * Tells a table when to give back the capacity it grew to for a peak. Java's {@code HashMap} and
 * {@code ArrayDeque} never shrink, so after a burst (a restart's retransmissions, a lossy minute
 * that keeps transactions alive for Timer F and Timer J) a shard would keep arrays sized for the
 * peak for good. The owner rebuilds its table when this says so: once it holds an eighth of its
 * peak or less. Rebuilding copies at most an eighth of the peak after seven eighths have left, so
 * it costs O(1) per removal amortised, and a table that swings between half and all of its peak
 * is never rebuilt.
 *
 * <p>Threading: used on its shard's thread only.
 */
final class PeakCapacity {
    /** Below this peak a table is left alone: its arrays are small anyway. */
    static final int SMALL = 256;

    private int peak;

    /** Notes the table's size after an addition. */
    void added(int size) {
        if (size > peak) {
            peak = size;
        }
    }

    /**
     * Whether the table, now holding {@code size} entries, should be rebuilt smaller; if so the peak
     * starts again from {@code size}.
     */
    boolean shouldShrink(int size) {
        if (peak < SMALL || size > peak / 8) {
            return false;
        }
        peak = size;
        return true;
    }
}
