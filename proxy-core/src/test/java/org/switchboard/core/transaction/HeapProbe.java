package org.switchboard.core.transaction;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Measures the live heap for the retained-memory tests. */
public final class HeapProbe {
    private HeapProbe() {
    }

    /** The smallest used heap seen over a few full collections: the live set, as near as a test gets. */
    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
