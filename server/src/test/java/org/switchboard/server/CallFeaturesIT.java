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
import org.switchboard.server.sipp.Sipp;
import org.switchboard.server.sipp.SippProcess;
import org.switchboard.server.sipp.SippResult;
import org.switchboard.server.sipp.SippRun;
import org.switchboard.server.sipp.SippTransport;
import org.switchboard.testkit.server.FreePorts;

/**
 * Call features through the packaged server with SIPp, set up with its commands: a busy callee's
 * calls go to the colleague its busy forwarding names ({@code switchboard features forward ...
 * busy}), and a caller switches forwarding on with {@code *72} (the server answers 480 saying so),
 * after which calls to it reach the target, and off with {@code *73}, while {@code *7}, no code,
 * gets no such answer. The tests run in order on one server.
 */
@TestMethodOrder(OrderAnnotation.class)
class CallFeaturesIT {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "callee-secret-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);
    private static final int CALLS = 3;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    private static Sipp sipp;
    private static ServerProcess server;
    private static int port;

    @BeforeAll
    static void startServerWithUsersAndFeatures() throws Exception {
        sipp = Sipp.require();
        Path users = work.resolve("users.csv");
        Files.writeString(users, String.join("\n", "alice," + PASSWORD, "bob," + PASSWORD, "carol," + PASSWORD,
                "dave," + PASSWORD) + "\n", StandardCharsets.UTF_8);
        admin("domain", "add", DOMAIN);
        admin("user", "import", users.toString(), "--domain", DOMAIN);
        assertThat(admin("features", "forward", "bob@" + DOMAIN, "busy", "carol"))
                .contains("Call features of bob@example.com: forward on busy carol");
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

    private static String admin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(args));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        Path output = Files.createTempFile(work, args[0], ".log");
        try (ServerProcess process = ServerProcess.start(command, output)) {
            assertThat(process.awaitExit(START_TIMEOUT)).as(process.output()).isZero();
            return process.output();
        }
    }

    private static Path credentials(String user) throws IOException {
        Path file = work.resolve(user + ".csv");
        Files.writeString(file, "SEQUENTIAL\n" + user + ";[authentication username=" + user + " password="
                + PASSWORD + "];" + DOMAIN + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static void register(String user, int localPort, Path workDir) throws Exception {
        SippResult registered = sipp.run(SippRun.scenario("callee-register").target("127.0.0.1", port)
                .localPort(localPort).injectionFile(credentials(user)).authUri(DOMAIN).timeout(RUN_TIMEOUT).build(),
                workDir);
        assertThat(registered.exitCode()).as(registered.toString()).isZero();
    }

    private static SippProcess answering(String scenario, int localPort, int calls, Path workDir) throws Exception {
        SippProcess callee = sipp.start(SippRun.scenario(scenario).localPort(localPort).calls(calls)
                .timeout(RUN_TIMEOUT).build(), workDir);
        callee.awaitBound(Duration.ofSeconds(10));
        return callee;
    }

    private static SippResult call(String caller, String callee, int calls, Path workDir) throws Exception {
        return sipp.run(SippRun.scenario("call-auth").injectionFile(credentials(caller)).authUri(callee + "@" + DOMAIN)
                .service(callee).target("127.0.0.1", port).calls(calls).rate(10).timeout(RUN_TIMEOUT).build(), workDir);
    }

    private static SippResult featureCode(String caller, String code, Path workDir) throws Exception {
        return sipp.run(SippRun.scenario("feature-code").injectionFile(credentials(caller)).authUri(code + "@" + DOMAIN)
                .service(code).target("127.0.0.1", port).calls(1).timeout(RUN_TIMEOUT).build(), workDir);
    }

    @Order(1)
    @Test
    void aBusyCalleesCallsReachTheColleagueItsBusyForwardingNames(@TempDir Path workDir) throws Exception {
        int bobPort = FreePorts.udpAndTcp();
        int carolPort = FreePorts.udpAndTcp();
        register("bob", bobPort, workDir);
        register("carol", carolPort, workDir);

        try (SippProcess bob = answering("callee-busy", bobPort, CALLS, workDir);
                SippProcess carol = answering("callee-answer", carolPort, CALLS, workDir)) {
            SippResult calls = call("alice", "bob", CALLS, workDir);

            assertThat(calls.exitCode()).as(calls.toString()).isZero();
            assertThat(calls.successfulCalls()).as(calls.toString()).isEqualTo(CALLS);
            assertThat(bob.await().successfulCalls()).isEqualTo(CALLS);
            assertThat(carol.await().successfulCalls()).isEqualTo(CALLS);
        }
    }

    @Order(2)
    @Test
    void aFeatureCodeSwitchesForwardingOnAndCallsFollowItThenOff(@TempDir Path workDir) throws Exception {
        int carolPort = FreePorts.udpAndTcp();
        register("carol", carolPort, workDir);

        SippResult on = featureCode("dave", "*72carol", workDir);
        assertThat(on.exitCode()).as(on.toString()).isZero();
        assertThat(on.successfulCalls()).as(on.toString()).isEqualTo(1);
        try (SippProcess carol = answering("callee-answer", carolPort, 1, workDir)) {
            SippResult forwarded = call("alice", "dave", 1, workDir);

            assertThat(forwarded.exitCode()).as(forwarded.toString()).isZero();
            assertThat(carol.await().successfulCalls()).isEqualTo(1);
        }

        SippResult off = featureCode("dave", "*73", workDir);
        assertThat(off.exitCode()).as(off.toString()).isZero();
        SippResult unknown = featureCode("dave", "*7", workDir);
        assertThat(unknown.exitCode()).as("no feature code: not the server's 480 " + unknown).isNotZero();
    }
}
