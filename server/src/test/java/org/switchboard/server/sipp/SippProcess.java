package org.switchboard.server.sipp;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A running SIPp, started by {@link Sipp#start}. {@link #await()} waits at most the run's timeout
 * plus a grace period; {@link #close()} kills SIPp if it still runs. Used from one test thread.
 */
public final class SippProcess implements AutoCloseable {
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 50;

    private final Process process;
    private final SippRun run;
    private final int localPort;
    private final Path runDir;

    SippProcess(Process process, SippRun run, int localPort, Path runDir) {
        this.process = process;
        this.run = run;
        this.localPort = localPort;
        this.runDir = runDir;
    }

    /** The local port SIPp uses, where an answering scenario listens. */
    public int localPort() {
        return localPort;
    }

    /**
     * Waits until SIPp has bound its local port, so a peer can reach it.
     *
     * @throws AssertionError if SIPp exits or the timeout passes first
     */
    public void awaitBound(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isFree()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("SIPp did not bind " + run.transport() + " " + run.localIp() + ":"
                        + localPort + " within " + timeout + "\n" + screen());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean isFree() throws IOException {
        InetAddress address = InetAddress.getByName(run.localIp());
        try {
            if (run.transport() == SippTransport.UDP) {
                new DatagramSocket(localPort, address).close();
            } else {
                new ServerSocket(localPort, 1, address).close();
            }
            return true;
        } catch (BindException e) {
            return false;
        }
    }

    /**
     * Waits for SIPp to finish and reads its results.
     *
     * @throws AssertionError if SIPp does not exit within the run's timeout plus a grace period;
     *     it is killed first
     */
    public SippResult await() throws IOException, InterruptedException {
        Duration limit = run.timeout().plus(EXIT_GRACE);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("SIPp " + run.scenario() + " did not finish within " + limit
                    + " and was killed\n" + screen());
        }
        return new SippResult(process.exitValue(), statistics(), read(runDir.resolve("errors.log")), screen());
    }

    private SippStatistics statistics() throws IOException {
        Path file = runDir.resolve("stat.csv");
        return Files.exists(file) ? SippStatistics.parse(Files.readAllLines(file, StandardCharsets.UTF_8)) : null;
    }

    private String screen() throws IOException {
        return read(runDir.resolve("screen.log"));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    /** Kills the process if it still runs; keeps the thread's interrupt status. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
