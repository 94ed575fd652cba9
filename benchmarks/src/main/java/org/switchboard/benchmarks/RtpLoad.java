package org.switchboard.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.nat.media.MediaRelay;
import org.switchboard.nat.media.PortRange;

/**
 * G.711 calls relayed by the RTP relay on loopback: {@code calls} calls are anchored in the relay of
 * the {@code nat-gateway} module, and one generator thread plays both phones of each: every 20 ms
 * each phone sends a 172-byte RTP packet (12 bytes of header, 160 of payload: 50 packets/s each
 * way) to the relay port facing it, stamped with its send time, and reads what the relay forwarded.
 * It reports packets relayed per second, the loss, the added latency (p50 and p99 of receive time
 * less send time, the generator's own delays included) and the relay's CPU per 1000 packets (the
 * process's CPU time less the generator thread's, so JIT and GC count against the relay). Bounded:
 * it stops after {@code seconds}, and waits at most 1 s for the last packets. Not a JMH benchmark: a
 * whole-path figure over real sockets, to compare builds with the same generator.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar org.switchboard.benchmarks.RtpLoad
 * [calls] [seconds]} (defaults 100 and 20), pinned as docs/performance.md describes.
 */
public final class RtpLoad {
    /** RTP header and a 20 ms G.711 payload. */
    static final int PACKET = 172;
    private static final long PACKET_INTERVAL_NANOS = 20_000_000L;
    private static final Pattern MEDIA_PORT = Pattern.compile("m=audio (\\d+) ");

    /**
     * What one run measured.
     *
     * @param sent packets the phones sent
     * @param received packets the phones got back through the relay
     * @param latencyNanos the added latency of each packet received, sorted
     * @param wallNanos how long the sending lasted
     * @param relayCpuNanos CPU time of the process less the generator thread's
     */
    record Result(long sent, long received, long[] latencyNanos, long wallNanos, long relayCpuNanos) {
        double lossPercent() {
            return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        }

        long percentile(double p) {
            return latencyNanos.length == 0 ? 0 : latencyNanos[(int) Math.min(latencyNanos.length - 1,
                    Math.floor(p / 100 * latencyNanos.length))];
        }

        @Override
        public String toString() {
            return String.format("RTP relay: %,d of %,d packets back (loss %.3f %%), %,.0f packets/s relayed, "
                    + "added latency p50 %.3f ms p99 %.3f ms, relay CPU %.2f ms per 1000 packets", received, sent,
                    lossPercent(), received * 1e9 / wallNanos, percentile(50) / 1e6, percentile(99) / 1e6,
                    relayCpuNanos / 1e6 / Math.max(1, received / 1000.0));
        }
    }

    private RtpLoad() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (MediaRelay relay = MediaRelay.start(new PortRange(20000, 29999), 1)) {
            run(relay, Math.max(1, calls / 10), 2); // warm-up, not counted
            System.out.println(run(relay, calls, seconds));
        }
    }

    /** Anchors {@code calls} calls in {@code relay}, sends for {@code seconds}, and frees them. */
    static Result run(MediaRelay relay, int calls, int seconds) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<Phone> phones = new ArrayList<>();
        List<String> callIds = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                Phone caller = Phone.open(loopback);
                Phone callee = Phone.open(loopback);
                phones.add(caller);
                phones.add(callee);
                String callId = "rtp-load-" + System.nanoTime() + "-" + i;
                MediaRelay.Anchored anchored = relay.anchorCall(callId, sdp(caller.port()), sdp(callee.port()),
                        loopback);
                if (anchored == null) {
                    throw new IllegalStateException("the relay's port range holds fewer than " + calls + " calls");
                }
                callIds.add(callId);
                callee.relay = new InetSocketAddress(loopback, mediaPort(anchored.offer()));
                caller.relay = new InetSocketAddress(loopback, mediaPort(anchored.answer()));
            }
            return play(phones, seconds);
        } finally {
            for (String callId : callIds) {
                relay.release(callId, "load done");
            }
            for (Phone phone : phones) {
                phone.channel.close();
            }
        }
    }

    private static Result play(List<Phone> phones, int seconds) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpu = os.getProcessCpuTime();
        long ownCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long ticks = seconds * 1_000_000_000L / PACKET_INTERVAL_NANOS;
        long[] latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, ticks * phones.size())];
        int latencyCount = 0;
        ByteBuffer out = ByteBuffer.allocateDirect(PACKET);
        ByteBuffer in = ByteBuffer.allocateDirect(2048);
        long sent = 0;
        long start = System.nanoTime();
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + tick * PACKET_INTERVAL_NANOS;
            for (Phone phone : phones) {
                out.clear();
                out.put((byte) 0x80).put((byte) 0).putShort((short) phone.seq++).putInt((int) tick).putInt(phone.ssrc);
                out.putLong(System.nanoTime());
                out.position(PACKET).flip();
                phone.channel.send(out, phone.relay);
                sent++;
            }
            latencyCount = drain(phones, in, latencies, latencyCount, due + PACKET_INTERVAL_NANOS);
        }
        long wall = System.nanoTime() - start;
        latencyCount = drain(phones, in, latencies, latencyCount, System.nanoTime() + 1_000_000_000L);
        long relayCpu = (os.getProcessCpuTime() - processCpu)
                - (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - ownCpu);
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        return new Result(sent, latencyCount, sorted, wall, relayCpu);
    }

    /** Reads what arrived until {@code untilNanos}; returns the new count of latencies. */
    private static int drain(List<Phone> phones, ByteBuffer in, long[] latencies, int count, long untilNanos)
            throws IOException {
        do {
            boolean any = false;
            for (Phone phone : phones) {
                in.clear();
                while (phone.channel.receive(in) != null) {
                    long now = System.nanoTime();
                    if (in.position() == PACKET && count < latencies.length) {
                        latencies[count++] = now - in.getLong(12);
                    }
                    in.clear();
                    any = true;
                }
            }
            if (!any) {
                LockSupport.parkNanos(100_000L);
            }
        } while (System.nanoTime() < untilNanos);
        return count;
    }

    private static byte[] sdp(int port) {
        return ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
                + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static int mediaPort(byte[] sdp) {
        Matcher m = MEDIA_PORT.matcher(new String(sdp, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IllegalStateException("no m=audio line in the relay's SDP");
        }
        return Integer.parseInt(m.group(1));
    }

    /** One phone: its non-blocking socket and the relay port facing it. */
    private static final class Phone {
        final DatagramChannel channel;
        final int ssrc;
        InetSocketAddress relay;
        int seq;

        private Phone(DatagramChannel channel, int ssrc) {
            this.channel = channel;
            this.ssrc = ssrc;
        }

        static Phone open(InetAddress address) throws IOException {
            DatagramChannel channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(new InetSocketAddress(address, 0));
            channel.configureBlocking(false);
            return new Phone(channel, channel.hashCode());
        }

        int port() throws IOException {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }
    }
}
