package org.switchboard.benchmarks;

import gov.nist.javax.sip.message.SIPMessage;
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
import org.switchboard.core.message.SipMessage;

/**
 * Where the time of {@link HotPathBenchmark} goes: the lazy path cut after splitting and after
 * reading the routing headers, and jain-sip-ri's parse alone. Subtracting neighbouring stages gives
 * the cost (and, with {@code -prof gc}, the allocation) of each step.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class StagesBenchmark {

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

    /** Lazy model, stage 1: split into start line, header lines and body. */
    @Benchmark
    public SipMessage lazySplit() {
        return LazyHotPath.split(wire);
    }

    /** Lazy model, stages 1 and 2: split, then parse and read the routing headers. */
    @Benchmark
    public ProxyView lazySplitRead() {
        return LazyHotPath.read(LazyHotPath.split(wire));
    }

    /** jain-sip-ri's full parse alone, no reads, no re-encoding. */
    @Benchmark
    public SIPMessage jainSipParse() throws ParseException {
        return jainSip.parse(wire);
    }
}
