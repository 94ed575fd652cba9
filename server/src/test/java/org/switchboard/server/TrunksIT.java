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
 * Trunks through the packaged server with SIPp as the provider. Trunk {@code itsp} (127.0.0.1)
 * registers at SIPp acting as its registrar, which challenges the REGISTER and grants 2 s, so the
 * server refreshes it twice; then SIPp takes a call on that trunk, challenging the INVITE, which
 * the server answers with the trunk's credentials and the next CSeq while presenting the external
 * number. Trunk {@code down} (127.0.0.2) answers 503, so a call to it goes on to {@code itsp}. A
 * call from the provider's address to a DID reaches the user the DID rule names. After the server
 * stops, {@code trunk list} shows the registration. The tests run in order on one server.
 */
@TestMethodOrder(OrderAnnotation.class)
class TrunksIT {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "user-secret-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);
    /** The registrar waits for the server to start, then for two refreshes. */
    private static final Duration REGISTRAR_TIMEOUT = Duration.ofSeconds(150);
    /** The JVM's exit code after SIGTERM: 128 + 15. */
    private static final int EXIT_ON_SIGTERM = 143;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    private static Sipp sipp;
    private static ServerProcess server;
    private static SippProcess registrar;
    private static int port;
    private static int itspPort;
    private static int downPort;

    @BeforeAll
    static void startServerWithTrunks() throws Exception {
        sipp = Sipp.require();
        Path users = work.resolve("users.csv");
        Files.writeString(users, "alice," + PASSWORD + "\nbob," + PASSWORD + "\ncarol," + PASSWORD + "\n",
                StandardCharsets.UTF_8);
        admin("domain", "add", DOMAIN);
        admin("user", "import", users.toString(), "--domain", DOMAIN);
        itspPort = FreePorts.udpAndTcp();
        downPort = FreePorts.udpAndTcp();
        admin("trunk", "add", "itsp", "--domain", DOMAIN, "--host", "127.0.0.1", "--port", Integer.toString(itspPort),
                "--username", "acc", "--password", "trunk-secret-1", "--realm", "itsp.test", "--register",
                "--expiry", "60", "--from-user", "4930123456", "--identity", "both");
        admin("trunk", "add", "down", "--domain", DOMAIN, "--host", "127.0.0.2", "--port", Integer.toString(downPort));
        admin("dialplan", "add", "--domain", DOMAIN, "--priority", "10", "--name", "out", "--to", "0*",
                "--action", "forward trunk:itsp");
        admin("dialplan", "add", "--domain", DOMAIN, "--priority", "20", "--name", "out-backup", "--to", "9*",
                "--rewrite", "{1}", "--action", "forward trunk:down, trunk:itsp");
        admin("dialplan", "add", "--domain", DOMAIN, "--priority", "30", "--name", "did-bob", "--from", "trunk:itsp",
                "--to", "4930123456", "--action", "forward bob");
        // the registrar listens before the server's first REGISTER
        registrar = sipp.start(SippRun.scenario("trunk-registrar").localPort(itspPort).calls(1)
                .timeout(REGISTRAR_TIMEOUT).build(), work);
        registrar.awaitBound(Duration.ofSeconds(10));
        port = FreePorts.udpAndTcp();
        // SIPp 3.6.1 computes MD5 digests only
        server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--http-port", "0", "--no-pnp", "--digest-algorithms", "md5"),
                work.resolve("server.log"));
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
    }

    @AfterAll
    static void stopServer() {
        if (registrar != null) {
            registrar.close();
        }
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

    private static Path credentials(String user) throws IOException {
        Path file = work.resolve(user + ".csv");
        Files.writeString(file, "SEQUENTIAL\n" + user + ";[authentication username=" + user + " password="
                + PASSWORD + "];" + DOMAIN + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static SippProcess provider(String scenario, String ip, int localPort, Path workDir) throws Exception {
        SippProcess p = sipp.start(SippRun.scenario(scenario).localIp(ip).localPort(localPort).calls(1)
                .timeout(RUN_TIMEOUT).build(), workDir);
        p.awaitBound(Duration.ofSeconds(10));
        return p;
    }

    /** Alice (authenticated with 407 by the server) dials {@code number}; asserts the call went through. */
    private static void aliceCalls(String number, Path workDir) throws Exception {
        SippResult call = sipp.run(SippRun.scenario("call-auth").injectionFile(credentials("alice"))
                .authUri(number + "@" + DOMAIN).service(number).target("127.0.0.1", port).calls(1)
                .timeout(RUN_TIMEOUT).build(), workDir);
        assertThat(call.exitCode()).as(call + "\n" + server.output()).isZero();
        assertThat(call.successfulCalls()).as(call.toString()).isEqualTo(1);
    }

    @Order(1)
    @Test
    void theTrunkRegistersAnsweringTheChallengeAndRefreshesBeforeTheShortExpiry() throws Exception {
        SippResult registered = registrar.await();

        assertThat(registered.successfulCalls()).as(registered + "\n" + server.output()).isEqualTo(1);
        assertThat(server.output()).contains("Trunk itsp: registered");
    }

    /**
     * The provider runs on this host, where the server forwards a request the sender routed (the
     * caller's BYE to the provider's Contact) to another port only if a phone is registered there:
     * a phone registers from the provider's port first.
     */
    private static void registerAPhoneAtTheProvidersPort(Path workDir) throws Exception {
        SippResult registered = sipp.run(SippRun.scenario("callee-register").target("127.0.0.1", port)
                .localPort(itspPort).injectionFile(credentials("carol")).authUri(DOMAIN).timeout(RUN_TIMEOUT).build(),
                workDir);
        assertThat(registered.exitCode()).as(registered.toString()).isZero();
    }

    @Order(2)
    @Test
    void aCallThroughTheTrunkAnswersItsChallengeAndPresentsTheExternalNumber(@TempDir Path workDir) throws Exception {
        registerAPhoneAtTheProvidersPort(workDir);
        try (SippProcess itsp = provider("trunk-itsp-challenge", "127.0.0.1", itspPort, workDir)) {
            aliceCalls("00493012345", workDir);

            SippResult answered = itsp.await();
            assertThat(answered.successfulCalls()).as(answered + "\n" + server.output()).isEqualTo(1);
        }
    }

    @Order(3)
    @Test
    void aTrunkAnswering503FailsOverToTheNextTrunk(@TempDir Path workDir) throws Exception {
        try (SippProcess down = provider("trunk-unavailable", "127.0.0.2", downPort, workDir);
                SippProcess itsp = provider("trunk-itsp-challenge", "127.0.0.1", itspPort, workDir)) {
            aliceCalls("900493012345", workDir);

            assertThat(down.await().successfulCalls()).isEqualTo(1);
            SippResult answered = itsp.await();
            assertThat(answered.successfulCalls()).as(answered + "\n" + server.output()).isEqualTo(1);
            assertThat(server.output()).contains("Trunk failover");
        }
    }

    @Order(4)
    @Test
    void aCallFromTheProviderToADidReachesTheUserOfItsRule(@TempDir Path workDir) throws Exception {
        int bobPort = FreePorts.udpAndTcp();
        Path bob = work.resolve("bob-register.csv");
        Files.writeString(bob, "SEQUENTIAL\nbob;[authentication username=bob password=" + PASSWORD + "];" + DOMAIN
                + "\n", StandardCharsets.US_ASCII);
        SippResult registered = sipp.run(SippRun.scenario("callee-register").target("127.0.0.1", port)
                .localPort(bobPort).injectionFile(bob).authUri(DOMAIN).timeout(RUN_TIMEOUT).build(), workDir);
        assertThat(registered.exitCode()).as(registered.toString()).isZero();

        try (SippProcess callee = provider("callee-answer", "127.0.0.1", bobPort, workDir)) {
            SippResult call = sipp.run(SippRun.scenario("call").key("domain", "127.0.0.1:" + port).service("4930123456")
                    .target("127.0.0.1", port).transport(SippTransport.UDP).calls(1).timeout(RUN_TIMEOUT).build(),
                    workDir);

            assertThat(call.successfulCalls()).as(call + "\n" + server.output()).isEqualTo(1);
            assertThat(callee.await().successfulCalls()).isEqualTo(1);
        }
    }

    @Order(5)
    @Test
    void afterStoppingTheServerTrunkListShowsTheRegistration() throws Exception {
        server.terminate();
        assertThat(server.awaitExit(START_TIMEOUT)).as(server.output()).isEqualTo(EXIT_ON_SIGTERM);

        String listing = admin("trunk", "list");
        assertThat(listing).as(listing).containsPattern("itsp +127\\.0\\.0\\.1:\\d+ udp +registered; until ")
                .containsPattern("down +127\\.0\\.0\\.2:\\d+ udp +does not register");
        assertThat(admin("trunk", "show", "itsp")).contains("registers:      yes, for 60 s").contains("Call-ID:")
                .doesNotContain("trunk-secret-1");
    }
}
