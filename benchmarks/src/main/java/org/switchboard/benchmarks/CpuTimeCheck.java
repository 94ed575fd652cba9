package org.switchboard.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.text.ParseException;
import java.util.Arrays;

/**
 * A cross-check of {@link HotPathBenchmark} for a shared machine: operations per second of this
 * thread's CPU time rather than of wall-clock time, so that time the core spends on other
 * processes does not count. It runs the same operations on the same messages; each figure is the
 * median of 15 timed rounds after 10 untimed ones. Not a JMH benchmark (no forking, no blackhole
 * beyond a volatile field): use it for ratios and for comparing two builds, not as the headline
 * figure.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar org.switchboard.benchmarks.CpuTimeCheck}.
 */
public final class CpuTimeCheck {
    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 15;

    /** Keeps the results reachable so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private CpuTimeCheck() {
    }

    /** Prints, per sample message, both implementations' operations per CPU second and their ratio. */
    public static void main(String[] args) throws ParseException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (SampleMessage message : SampleMessage.values()) {
            byte[] wire = message.bytes();
            JainSipHotPath jainSip = new JainSipHotPath();
            double lazy = median(threads, 20_000, () -> sink = LazyHotPath.process(wire));
            double full = median(threads, 4_000, () -> sink = jainSip.process(wire));
            System.out.printf("%-9s lazy %,9.0f ops/CPU-s (%.2f µs)   jain-sip-ri %,8.0f ops/CPU-s   ratio %.2f%n",
                    message, lazy, 1e6 / lazy, full, lazy / full);
        }
    }

    /** One operation on the message under test. */
    private interface Operation {
        void run() throws ParseException;
    }

    private static double median(ThreadMXBean threads, int batch, Operation operation) throws ParseException {
        double[] rates = new double[ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
                operation.run();
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (round >= 0) {
                rates[round] = batch * 1e9 / cpu;
            }
        }
        Arrays.sort(rates);
        return rates[ROUNDS / 2];
    }
}
