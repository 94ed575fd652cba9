package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.sipp.Sipp;
import org.switchboard.server.sipp.SippStatistics;

/**
 * Authenticated calls through the packaged server on a lossy network (issue 13). The server, a SIPp
 * callee and a SIPp caller run in a network namespace the test creates, all on its loopback, where
 * iptables drops 5 % of the UDP datagrams each of the three receives, chosen at random: every hop
 * loses 5 % each way, and nothing leaves the namespace. A freshly started server carries 3,000
 * calls at 150 a second (INVITE, 407, ACK, INVITE with credentials, [100], 200, ACK, 1 s, BYE, 200)
 * and at most {@link #MAX_FAILED} may fail: RFC 3261 retransmissions make up for the loss. SIPp does
 * not abort a call on an unexpected message (a retransmitted 407 or 200 that arrives after it moved
 * on is legitimate here).
 *
 * <p>Needs root (a network namespace and iptables in it), {@code ip}, {@code iptables} with the
 * {@code statistic} match, and {@code sipp}; skips with a message where any is missing, as in a
 * container without NET_ADMIN. Bounded: about 40 s.
 */
class LossyCallsIT {
    private static final String DOMAIN = "loss.example.com";
    private static final String CALLEE = "callee";
    private static final int CALLERS = 50;
    private static final int SERVER_PORT = 5060;
    private static final int CALLEE_PORT = 5070;
    private static final int CALLER_PORT = 5080;
    private static final double LOSS = 0.05;
    private static final int RATE = 150;
    private static final int CALLS = 3_000;
    /**
     * Retransmissions cannot make up for every loss: a BYE fails when each of its five sendings within
     * SIPp's 10 s, or the 200 to it, is lost on a hop that drops 5 % each way (about 1 in 100,000 per
     * transaction, more when the machine is busy and the timers stretch). Calls at the rate a server
     * that mishandled retransmissions failed (a third of them, issue 13) stay far beyond this.
     */
    private static final int MAX_FAILED = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    /** The calls' own 20 s, the last call's 1 s of talk, and room for retransmissions. */
    private static final Duration CALLS_TIMEOUT = Duration.ofSeconds(CALLS / RATE + 25);

    @TempDir
    Path work;

    private final String namespace = "sbloss" + ProcessHandle.current().pid() + "x"
            + ThreadLocalRandom.current().nextInt(1000);
    private final List<Process> started = new ArrayList<>();
    private boolean namespaceCreated;

    @AfterEach
    void removeNamespace() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (namespaceCreated) {
            run(STEP_TIMEOUT, "ip", "netns", "delete", namespace);
        }
    }

    @Test
    void aFreshServerCarriesEveryCallWhenEveryHopLosesFivePercentEachWay() throws Exception {
        Sipp.require();
        Assumptions.assumeTrue(isRoot(), "needs root to create a network namespace and iptables rules in it");
        Assumptions.assumeTrue(run(STEP_TIMEOUT, "ip", "netns", "add", namespace) == 0,
                "cannot create a network namespace here (no NET_ADMIN?)");
        namespaceCreated = true;
        assertThat(inNamespace("ip", "link", "set", "lo", "up")).isZero();
        Assumptions.assumeTrue(dropReceived(SERVER_PORT, 0) == 0,
                "iptables with the statistic match is not usable in a network namespace here");

        Path data = work.resolve("data");
        createUsers(data);
        Path serverLog = work.resolve("server.log");
        Process server = startInNamespace(serverLog, List.of(java(), "-jar", ServerProcess.jar().toString(), "run",
                "--sip-port", Integer.toString(SERVER_PORT), "--listen", "127.0.0.1", "--transports", "udp",
                "--http-port", "0", "--no-pnp", "--digest-algorithms", "md5", "--data-dir", data.toString()));
        assertThat(awaitLine(server, serverLog, "Switchboard started")).as(read(serverLog)).isTrue();

        assertThat(sipp("callee-register", CALLEE_PORT, List.of("-m", "1", "-inf", injection(CALLEE, 1).toString(),
                "-auth_uri", DOMAIN, "-timeout", "20s", "-timeout_error"), STEP_TIMEOUT))
                .as(read(serverLog)).isZero();
        startInNamespace(work.resolve("callee.log"), sippCommand("loss-callee", CALLEE_PORT,
                List.of("-default_behaviors", "all,-abortunexp")));
        for (int port : List.of(SERVER_PORT, CALLEE_PORT, CALLER_PORT)) {
            assertThat(dropReceived(port, LOSS)).isZero();
        }
        Thread.sleep(1000); // the callee binds its port

        Path stats = work.resolve("caller-stat.csv");
        Path callers = injection("caller", CALLERS);
        int exit = sipp("loss-caller", CALLER_PORT, List.of("-s", CALLEE, "-inf", callers.toString(),
                "-auth_uri", CALLEE + "@" + DOMAIN, "-r", Integer.toString(RATE), "-m", Integer.toString(CALLS),
                "-l", Integer.toString(RATE * 20), "-default_behaviors", "all,-abortunexp", "-recv_timeout", "10s",
                "-timeout", CALLS_TIMEOUT.toSeconds() + "s", "-trace_stat", "-stf", stats.toString(), "-fd", "1",
                "-trace_err", "-error_file", work.resolve("caller-errors.log").toString()),
                CALLS_TIMEOUT.plusSeconds(10));

        SippStatistics result = SippStatistics.parse(Files.readAllLines(stats, StandardCharsets.UTF_8));
        String diagnosis = "SIPp exit " + exit + "\n" + failures(work.resolve("caller-errors.log"))
                + "\n--- SIPp screen ---\n" + screen(work.resolve("loss-caller.log"))
                + "\n--- loss rules ---\n" + lossCounters() + "\n--- server ---\n" + tail(serverLog);
        assertThat(result.failedCalls()).as(diagnosis).isLessThanOrEqualTo(MAX_FAILED);
        assertThat(result.successfulCalls() + result.failedCalls()).as(diagnosis).isEqualTo(CALLS);
        assertThat(lossCounters()).as("the rules dropped datagrams")
                .containsPattern("\\n\\s*[1-9]\\d*\\s+\\d+\\s+DROP");
        assertThat(read(serverLog)).as("nothing dropped or evicted, no next hop given up")
                .doesNotContain("since the last such line", "unavailable");
    }

    private void createUsers(Path data) throws IOException, InterruptedException {
        Path users = work.resolve("users.csv");
        StringBuilder csv = new StringBuilder(CALLEE + ",pw-" + CALLEE + "-loss\n");
        for (int i = 0; i < CALLERS; i++) {
            csv.append("caller").append(i).append(",pw-caller").append(i).append("-loss\n");
        }
        Files.writeString(users, csv, StandardCharsets.US_ASCII);
        admin(data, "domain", "add", DOMAIN);
        admin(data, "user", "import", users.toString(), "--domain", DOMAIN);
    }

    private void admin(Path data, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--data-dir", data.toString()));
        Path output = Files.createTempFile(work, args[0], ".log");
        try (ServerProcess process = ServerProcess.start(command, output)) {
            assertThat(process.awaitExit(START_TIMEOUT)).as(process.output()).isZero();
        }
    }

    /** A SIPp injection file: {@code user;[authentication ...];domain}, for {@code user} or {@code user0..n-1}. */
    private Path injection(String user, int count) throws IOException {
        StringBuilder lines = new StringBuilder("SEQUENTIAL\n");
        for (int i = 0; i < count; i++) {
            String name = count == 1 ? user : user + i;
            lines.append(name).append(";[authentication username=").append(name).append(" password=pw-")
                    .append(name).append("-loss];").append(DOMAIN).append('\n');
        }
        Path file = work.resolve(user + ".csv");
        Files.writeString(file, lines, StandardCharsets.US_ASCII);
        return file;
    }

    private List<String> sippCommand(String scenario, int port, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenario(scenario).toString(),
                "127.0.0.1:" + SERVER_PORT, "-i", "127.0.0.1", "-p", Integer.toString(port), "-t", "u1",
                "-buff_size", "4194304", "-nostdin", "-max_socket", "50000"));
        command.addAll(extra);
        return command;
    }

    /** Runs SIPp to its end; one still running after {@code timeout} is stopped, its statistics kept. */
    private int sipp(String scenario, int port, List<String> extra, Duration timeout) throws Exception {
        Process process = startInNamespace(work.resolve(scenario + ".log"), sippCommand(scenario, port, extra));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy();
            process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return -1;
        }
        return process.exitValue();
    }

    private static Path scenario(String name) throws IOException {
        try {
            return Path.of(LossyCallsIT.class.getResource("/sipp/" + name + "/scenario.xml").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("no SIPp scenario " + name + " on the test class path", e);
        }
    }

    /** Drops {@code probability} of the UDP datagrams received on {@code port} in the namespace. */
    private int dropReceived(int port, double probability) throws Exception {
        return inNamespace("iptables", "-A", "INPUT", "-p", "udp", "--dport", Integer.toString(port), "-m",
                "statistic", "--mode", "random", "--probability", Double.toString(probability), "-j", "DROP");
    }

    private String lossCounters() throws Exception {
        Path out = work.resolve("iptables.txt");
        Process process = new ProcessBuilder(prefixed(List.of("iptables", "-L", "INPUT", "-v", "-n", "-x")))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return read(out);
    }

    private Process startInNamespace(Path output, List<String> command) throws IOException {
        Process process = new ProcessBuilder(prefixed(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(work.toFile()).start();
        started.add(process);
        return process;
    }

    private int inNamespace(String... command) throws Exception {
        return run(STEP_TIMEOUT, prefixed(List.of(command)).toArray(String[]::new));
    }

    private List<String> prefixed(List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(command);
        return all;
    }

    private int run(Duration timeout, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("commands.log").toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    private static boolean isRoot() throws IOException {
        Path status = Path.of("/proc/self/status");
        return Files.isReadable(status) && Files.readAllLines(status).stream()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean awaitLine(Process process, Path log, String text) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (read(log).contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return read(log).contains(text);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** SIPp's error lines about failed calls, without those about messages to calls already ended. */
    private static String failures(Path errors) throws IOException {
        return String.join("\n", read(errors).lines()
                .filter(line -> line.contains("Call-Id") && !line.contains("Dead call"))
                .limit(50).toList());
    }

    /** SIPp's last screen: its table of messages sent, received, retransmitted and timed out per step. */
    private static String screen(Path output) throws IOException {
        String text = read(output);
        int table = text.lastIndexOf("Messages  Retrans");
        return table < 0 ? tail(output) : text.substring(table, Math.min(text.length(), table + 2500));
    }

    private static String tail(Path file) throws IOException {
        String text = read(file);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
