package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.server.sipp.Sipp;
import org.switchboard.server.sipp.SippProcess;
import org.switchboard.server.sipp.SippResult;
import org.switchboard.server.sipp.SippRun;
import org.switchboard.server.sipp.SippTransport;
import org.switchboard.testkit.server.FreePorts;

/**
 * Calls through the packaged server with SIPp: a callee registers (401, then 200) and answers, a
 * caller calls it through the proxy (INVITE, 100, 180, 200, ACK, BYE, 200) over UDP and TCP, and a
 * local user's call is challenged with 407 first. After the server stops, {@code switchboard calls}
 * lists every call as answered (200) and hung up by the caller. The tests run in order on one
 * server; the last one stops it.
 */
@TestMethodOrder(OrderAnnotation.class)
class CallsIT {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "callee-secret-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);
    private static final int CALLS_PER_RUN = 5;
    /** The JVM's exit code after SIGTERM: 128 + 15. */
    private static final int EXIT_ON_SIGTERM = 143;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    private static Sipp sipp;
    private static ServerProcess server;
    private static int port;
    /** The callee of every call that succeeded, in order. */
    private static final List<String> calleesCalled = new ArrayList<>();

    @BeforeAll
    static void startServerWithUsers() throws Exception {
        sipp = Sipp.require();
        Path users = work.resolve("users.csv");
        Files.writeString(users, String.join("\n", "alice," + PASSWORD, "bob," + PASSWORD, "carol," + PASSWORD,
                "dave," + PASSWORD) + "\n", StandardCharsets.UTF_8);
        admin("domain", "add", DOMAIN);
        admin("user", "import", users.toString(), "--domain", DOMAIN);
        port = FreePorts.udpAndTcp();
        // SIPp 3.6.1 computes MD5 digests only
        server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--http-port", "0", "--no-pnp", "--digest-algorithms", "md5"),
                work.resolve("server.log"));
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs an admin command of the packaged jar on the data directory; returns its output. */
    private static String admin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(args));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        Path output = Files.createTempFile(work, args[0], ".log");
        try (ServerProcess process = ServerProcess.start(command, output)) {
            assertThat(process.awaitExit(START_TIMEOUT)).as(process.output()).isZero();
            return process.output();
        }
    }

    /** The SIPp injection file of one user: name, credentials, domain. */
    private static Path credentials(String user) throws IOException {
        Path file = work.resolve(user + ".csv");
        Files.writeString(file, "SEQUENTIAL\n" + user + ";[authentication username=" + user + " password="
                + PASSWORD + "];" + DOMAIN + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    /** Registers {@code user} at 127.0.0.1:{@code calleePort} over {@code transport}. */
    private static void register(String user, SippTransport transport, int calleePort, Path workDir)
            throws Exception {
        SippResult registered = sipp.run(SippRun.scenario("callee-register").target("127.0.0.1", port)
                .transport(transport).localPort(calleePort).injectionFile(credentials(user)).authUri(DOMAIN)
                .timeout(RUN_TIMEOUT).build(), workDir);
        assertThat(registered.exitCode()).as(registered.toString()).isZero();
    }

    /** Runs {@code caller} against a callee answering on {@code calleePort}; asserts every call succeeded. */
    private static void callAndAnswer(String calleeUser, SippRun.Builder caller, SippTransport transport,
            int calleePort, Path workDir)
            throws Exception {
        try (SippProcess callee = sipp.start(SippRun.scenario("callee-answer").transport(transport)
                .localPort(calleePort).calls(CALLS_PER_RUN).timeout(RUN_TIMEOUT).build(), workDir)) {
            callee.awaitBound(Duration.ofSeconds(10));

            SippResult calls = sipp.run(caller.service(calleeUser).target("127.0.0.1", port).transport(transport).calls(CALLS_PER_RUN)
                    .rate(10).timeout(RUN_TIMEOUT).build(), workDir);

            assertThat(calls.exitCode()).as(calls.toString()).isZero();
            assertThat(calls.successfulCalls()).as(calls.toString()).isEqualTo(CALLS_PER_RUN);
            SippResult answered = callee.await();
            assertThat(answered.successfulCalls()).as(answered.toString()).isEqualTo(CALLS_PER_RUN);
        }
        for (int i = 0; i < CALLS_PER_RUN; i++) {
            calleesCalled.add(calleeUser);
        }
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(SippTransport.class)
    void callsFromOutsideReachTheRegisteredCallee(SippTransport transport, @TempDir Path workDir) throws Exception {
        String callee = transport == SippTransport.UDP ? "bob" : "carol";
        int calleePort = FreePorts.udpAndTcp();
        register(callee, transport, calleePort, workDir);

        callAndAnswer(callee, SippRun.scenario("call").key("domain", DOMAIN), transport, calleePort, workDir);
    }

    @Order(2)
    @Test
    void aLocalUsersCallIsChallengedWith407ThenConnected(@TempDir Path workDir) throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        register("dave", SippTransport.UDP, calleePort, workDir);

        callAndAnswer("dave", SippRun.scenario("call-auth").injectionFile(credentials("alice"))
                .authUri("dave@" + DOMAIN), SippTransport.UDP, calleePort, workDir);
    }

    @Order(3)
    @Test
    void afterStoppingTheServerCallsListsEveryCallAsAnsweredAndHungUpByTheCaller() throws Exception {
        server.terminate();
        assertThat(server.awaitExit(START_TIMEOUT)).as(server.output()).isEqualTo(EXIT_ON_SIGTERM);
        assertThat(server.output()).contains("Switchboard stopped")
                .doesNotContain("Exception", "Call record of call", "call records not written");

        String listing = admin("calls", "--limit", "50");

        List<String> calls = listing.lines().filter(line -> line.matches("\\d{4}-\\d\\d-\\d\\d .*")).toList();
        assertThat(listing.lines()).as(listing).anySatisfy(header -> assertThat(header)
                .startsWith("TIME").contains("CALLER", "CALLEE", "STATUS", "TALK", "HUNG UP BY"));
        assertThat(calls).as(listing).hasSize(calleesCalled.size()).allSatisfy(line -> assertThat(line)
                .matches(".*  200  +0:00:0\\d  +caller"));
        for (String callee : List.of("bob", "carol", "dave")) {
            assertThat(calls).as(listing).filteredOn(line -> line.contains("sip:" + callee + "@" + DOMAIN))
                    .hasSize((int) calleesCalled.stream().filter(callee::equals).count());
        }
        // dave is called only by the authenticated local user
        assertThat(calls).filteredOn(line -> line.contains("sip:dave@")).allSatisfy(line -> assertThat(line)
                .contains("sip:alice@" + DOMAIN));
    }
}
