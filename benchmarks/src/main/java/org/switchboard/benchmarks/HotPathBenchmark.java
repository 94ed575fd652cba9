package org.switchboard.benchmarks;

import java.text.ParseException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages per second through the proxy hot path, lazy model against jain-sip-ri, for each
 * {@link SampleMessage}. The returned {@link ProxyView} (every header read plus the forwarded
 * bytes) goes to JMH's blackhole. Run with {@code -prof gc} for bytes allocated per message.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HotPathBenchmark {

    /** Which sample message to process. */
    @Param({"REGISTER", "INVITE", "OK_200"})
    public SampleMessage message;

    private byte[] wire;
    private JainSipHotPath jainSip;

    /** Prepares the datagram and the jain-sip-ri parser for this thread. */
    @Setup
    public void setUp() {
        wire = message.bytes();
        jainSip = new JainSipHotPath();
    }

    /** The lazy model: parse only what the proxy touches, copy untouched headers as bytes. */
    @Benchmark
    public ProxyView lazy() {
        return LazyHotPath.process(wire);
    }

    /** jain-sip-ri: full parse of every header and the body, re-encode of every header. */
    @Benchmark
    public ProxyView jainSip() throws ParseException {
        return jainSip.process(wire);
    }
}
