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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.sipp.Sipp;
import org.switchboard.server.sipp.SippResult;
import org.switchboard.server.sipp.SippRun;
import org.switchboard.server.sipp.SippTransport;
import org.switchboard.testkit.server.FreePorts;

/**
 * Real clients against the packaged server started with its defaults. Clients that answer only the
 * first digest challenge, or only MD5, register: baresip 1.0, SIPp 3.6 and sipvicious's {@code
 * svcrack}. A baresip that is killed and started again, without unregistering, replaces its binding
 * by its {@code +sip.instance} each time. Each test skips with a message when its client is not
 * installed.
 */
class RealClientsIT {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "interop-secret-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    private static ServerProcess server;
    private static int port;

    @BeforeAll
    static void startServerWithDefaultDigestAlgorithms() throws Exception {
        admin("domain", "add", DOMAIN);
        for (String user : List.of("301", "302", "303", "304")) {
            admin("user", "add", user + "@" + DOMAIN, "--password", PASSWORD);
        }
        port = FreePorts.udpAndTcp();
        // no --digest-algorithms: the default is what is tested
        server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--http-port", "0", "--no-pnp"), work.resolve("server.log"));
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static void admin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(args));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        try (ServerProcess process = ServerProcess.start(command, Files.createTempFile(work, args[0], ".log"))) {
            assertThat(process.awaitExit(START_TIMEOUT)).as(process.output()).isZero();
        }
    }

    private static Path require(String program, String debianPackage) {
        Optional<Path> binary = Executables.onPath(program);
        Assumptions.assumeTrue(binary.isPresent(), program + " not installed (Debian package " + debianPackage + ")");
        return binary.get();
    }

    /** Runs a client to its end with HOME in the work directory; returns what it printed. */
    private static String runClient(List<String> command, String name) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(work, name + "-home");
        Path output = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as(name + " did not finish; output:\n" + Files.readString(output, StandardCharsets.UTF_8))
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /**
     * A baresip configuration directory for {@code user}: loopback only, no audio device, and the
     * uuid module, which gives the account a {@code +sip.instance} kept in the directory.
     */
    private static Path baresipConfig(Path baresip, String user) throws IOException {
        // Debian installs the modules beside the binary's prefix: /usr/bin/baresip, /usr/lib/baresip/modules
        Path modules = baresip.toRealPath().getParent().resolveSibling("lib").resolve("baresip").resolve("modules");
        Assumptions.assumeTrue(Files.isDirectory(modules), "baresip modules not found at " + modules);
        Path config = Files.createTempDirectory(work, "baresip-" + user);
        Files.writeString(config.resolve("config"), String.join("\n",
                "sip_listen 127.0.0.1:0",
                "module_path " + modules,
                "module g711.so",
                "module_app uuid.so",
                "module_app account.so",
                "module_app menu.so",
                "audio_player aufile,/dev/null",
                "audio_source aufile,/dev/null") + "\n", StandardCharsets.US_ASCII);
        Files.writeString(config.resolve("accounts"), "<sip:" + user + "@" + DOMAIN + ">;auth_pass=" + PASSWORD
                + ";outbound=\"sip:127.0.0.1:" + port + ";transport=udp\";regint=600\n", StandardCharsets.US_ASCII);
        return config;
    }

    @Test
    void baresipRegisters() throws Exception {
        Path baresip = require("baresip", "baresip-core");
        Path config = baresipConfig(baresip, "301");

        // -t: baresip quits by itself after 5 s, unregistering on the way out
        String output = runClient(List.of(baresip.toString(), "-f", config.toString(), "-t", "5"), "baresip");

        assertThat(output).contains("301@" + DOMAIN + ": {0/UDP/v4} 200 OK")
                .doesNotContain("Function not implemented");
        assertThat(server.output()).contains("Registered sip:301@" + DOMAIN + " at ");
    }

    @Test
    void baresipKilledAndStartedAgainKeepsOneBinding() throws Exception {
        Path baresip = require("baresip", "baresip-core");
        Path config = baresipConfig(baresip, "304");

        for (int boot = 1; boot <= 3; boot++) {
            Path output = work.resolve("baresip-boot-" + boot + ".log");
            Process process = new ProcessBuilder(baresip.toString(), "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                // a new port and Contact each start, the same instance from the config directory
                assertThat(awaitText(output, "304@" + DOMAIN + ": {0/UDP/v4} 200 OK")).as("boot %d", boot)
                        .contains("[1 binding]");
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // no unregistering, as in a crash
            }
        }
        assertThat(server.output()).containsPattern("Registered sip:304@" + DOMAIN + " at .* replacing .* of the "
                + "same device <urn:uuid:");
    }

    /** The first line of {@code file} containing {@code text}, waiting for it up to the client timeout. */
    private static String awaitText(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            // ISO-8859-1 reads any bytes, and the text looked for is ASCII
            for (String line : Files.readString(file, StandardCharsets.ISO_8859_1).split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' within " + CLIENT_TIMEOUT + " in:\n"
                + Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void sippRegisters() throws Exception {
        Sipp sipp = Sipp.require();
        Path credentials = work.resolve("302.csv");
        Files.writeString(credentials, "SEQUENTIAL\n302;[authentication username=302 password=" + PASSWORD + "];"
                + DOMAIN + "\n", StandardCharsets.US_ASCII);

        SippResult registered = sipp.run(SippRun.scenario("callee-register").target("127.0.0.1", port)
                .transport(SippTransport.UDP).injectionFile(credentials).authUri(DOMAIN).timeout(CLIENT_TIMEOUT)
                .build(), work);

        assertThat(registered.exitCode()).as(registered.toString()).isZero();
        assertThat(server.output()).contains("Registered sip:302@" + DOMAIN + " at ");
    }

    @Test
    void sipviciousFindsThePasswordByRegistering() throws Exception {
        Path svcrack = require("svcrack", "sipvicious");
        Path dictionary = work.resolve("dictionary.txt");
        Files.writeString(dictionary, "not-the-password\n" + PASSWORD + "\n", StandardCharsets.US_ASCII);

        // it knows the password once a REGISTER with it gets 200, i.e. once its MD5 digest is accepted
        String output = runClient(List.of(svcrack.toString(), "-u", "303", "-d", dictionary.toString(),
                "--domain", DOMAIN, "-p", Integer.toString(port), "-b", "127.0.0.1", "-P",
                Integer.toString(FreePorts.udpAndTcp()), "127.0.0.1"), "svcrack");

        assertThat(output).containsPattern("\\| 303 +\\| " + PASSWORD + " +\\|");
        assertThat(server.output()).contains("Registered sip:303@" + DOMAIN + " at ");
    }
}
