package org.switchboard.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A cross-check of {@link DialPlanBenchmark} for a shared machine, as {@link CpuTimeCheck} is for the
 * hot path: route decisions per second of this thread's CPU time, so that time the core spends on
 * other processes does not count; the median of 15 timed rounds after 10 untimed ones.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar org.switchboard.benchmarks.DialPlanCpuTime}.
 */
public final class DialPlanCpuTime {
    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 15;
    private static final int BATCH = 200_000;

    /** Keeps the results reachable so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private DialPlanCpuTime() {
    }

    /** Prints the CPU time of one decision, the median of the rounds, and the fastest and slowest round. */
    public static void main(String[] args) {
        DialPlanBenchmark benchmark = new DialPlanBenchmark();
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nanos = new double[ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCH; i++) {
                sink = benchmark.decide();
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (round >= 0) {
                nanos[round] = (double) cpu / BATCH;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("dial plan decision, 1,000 rules, 10,000 users: median %.0f ns of CPU time"
                + " (rounds %.0f-%.0f ns)%n", nanos[ROUNDS / 2], nanos[0], nanos[ROUNDS - 1]);
    }
}
