package org.switchboard.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.nat.stun.StunResponder;
import org.switchboard.nat.stun.StunServer;
import org.switchboard.nat.stun.StunStatistics;

/**
 * STUN Binding requests answered per second by the STUN server on loopback, and the server's CPU
 * per 1000 requests: one client thread keeps {@code window} requests in flight (each answer lets
 * the next go) until {@code requests} are answered, and the process's CPU time less the client
 * thread's is the server's. Bounded: it stops after {@code requests} answers or after 5 s without
 * one. Not a JMH benchmark: a whole-path figure over real sockets, to compare builds and anchors
 * with the same client.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar org.switchboard.benchmarks.StunLoad
 * [requests] [window]} (defaults 500000 and 64), pinned as docs/performance.md describes.
 */
public final class StunLoad {
    private static final int MAGIC_COOKIE = 0x2112A442;

    private StunLoad() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        StunStatistics statistics = new StunStatistics(Clock.systemUTC(), 1000);
        try (StunServer server = new StunServer(new StunResponder(statistics))) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            run(server.localAddress(), requests / 10, window); // warm-up, not counted
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long processCpu = os.getProcessCpuTime();
            long clientCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long answered = run(server.localAddress(), requests, window);
            long wall = System.nanoTime() - start;
            long serverCpu = (os.getProcessCpuTime() - processCpu)
                    - (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - clientCpu);
            System.out.printf("STUN Binding: %,d of %,d answered, %,.0f answers/s, server CPU %.2f ms per 1000, "
                    + "malformed %d%n", answered, requests, answered * 1e9 / wall, serverCpu / 1e6 / (answered / 1000.0),
                    statistics.malformedCount());
        }
    }

    /** Sends until {@code requests} answers came back (or none for 5 s); returns how many did. */
    private static long run(InetSocketAddress server, int requests, int window) throws IOException {
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(5000);
            byte[] request = new byte[20];
            DatagramPacket out = new DatagramPacket(request, request.length, server);
            DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
            int sent = 0;
            long answered = 0;
            for (; sent < Math.min(window, requests); sent++) {
                client.send(binding(out, request));
            }
            while (answered < requests) {
                try {
                    client.receive(in);
                } catch (SocketTimeoutException e) {
                    break;
                }
                answered++;
                if (sent < requests) {
                    client.send(binding(out, request));
                    sent++;
                }
            }
            return answered;
        }
    }

    /** A Binding request with a fresh transaction ID (RFC 5389 §6) in {@code request}, sent as {@code packet}. */
    private static DatagramPacket binding(DatagramPacket packet, byte[] request) {
        ByteBuffer buffer = ByteBuffer.wrap(request);
        buffer.putShort((short) 0x0001).putShort((short) 0).putInt(MAGIC_COOKIE);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        buffer.putLong(random.nextLong()).putInt(random.nextInt());
        return packet;
    }
}
