package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testkit.server.FreePorts;

/** Runs the packaged {@code switchboard.jar} as an admin would and stops it with SIGTERM. */
class ServerProcessIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);
    /** The JVM's exit status after SIGTERM once its shutdown hooks have run: 128 + 15. */
    private static final int EXIT_ON_SIGTERM = 143;

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private List<String> args(int port) {
        return List.of("run", "--sip-port", Integer.toString(port), "--listen", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--http-port", "0", "--pnp-interfaces", "none");
    }

    @Test
    void startsThenStopsCleanlyOnSigterm() throws Exception {
        try (ServerProcess server = ServerProcess.start(args(FreePorts.udpAndTcp()), logs.resolve("server.log"))) {
            assertThat(server.awaitLine("Switchboard started", START_TIMEOUT))
                    .as("started line; output:%n%s", server.output()).isTrue();
            assertThat(server.output()).contains("UDP 127.0.0.1:", "data directory " + dataDir);

            server.terminate();

            assertThat(server.awaitExit(EXIT_TIMEOUT)).as(server.output()).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(server.output()).contains("Switchboard stopped").doesNotContain("Exception");
        }
    }

    @Test
    void startsWithHttpAndPlugAndPlayAndLogsWhereTheyListen() throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        int multicastPort = FreePorts.udpAndTcp(InetAddress.getByName("0.0.0.0"));
        // multicast only on loopback, so that no test traffic (not even an IGMP join) reaches a real network
        Optional<String> loopback = TestNetwork.multicastLoopback().map(NetworkInterface::getName);
        List<String> args = List.of("run", "--sip-port", Integer.toString(sipPort), "--listen", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--http-port", Integer.toString(httpPort),
                "--http-listen", "127.0.0.1", "--pnp-multicast-port", Integer.toString(multicastPort),
                "--pnp-interfaces", loopback.orElse("none"));
        try (ServerProcess server = ServerProcess.start(args, logs.resolve("pnp.log"))) {
            assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
            assertThat(server.output())
                    .contains("HTTP on 127.0.0.1:" + httpPort + "; serving /metrics, /health, /provisioning")
                    .contains("PnP: ready, but no phones are assigned yet")
                    .contains("Dial plan: revision 0 in force, no rules: calls go to registered users");
            if (loopback.isPresent()) {
                assertThat(server.output()).contains("Multicast SIP on 224.0.1.75:" + multicastPort + ": joined on ");
            } else {
                assertThat(server.output()).contains("Not listening for multicast SIP");
            }
            server.terminate();
            assertThat(server.awaitExit(EXIT_TIMEOUT)).as(server.output()).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(server.output()).contains("Stopped plugins dialplan, nat-gateway, pnp, presence", "Switchboard stopped").doesNotContain("Exception");
        }
    }

    @Test
    void listsNoNameResolverForTheJvmToLoad() throws IOException {
        // Java 18+ loads a listed InetAddressResolverProvider at the first name lookup; dnsjava's lies
        // in a versioned directory that a shaded jar does not use, so the server failed on start
        try (JarFile jar = new JarFile(ServerProcess.jar().toFile())) {
            assertThat(jar.getEntry("META-INF/services/java.net.spi.InetAddressResolverProvider")).isNull();
            assertThat(jar.getEntry("org/xbill/DNS/Lookup.class")).isNotNull();
        }
    }

    @Test
    void isMultiReleaseSoThatTheDependenciesVersionedClassesLoad() throws IOException {
        // FreeMarker reads records through META-INF/versions/16; without the manifest entry every
        // settings file failed to render from the jar (HTTP 500)
        try (JarFile jar = new JarFile(ServerProcess.jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            for (Path dependency : shadedDependencies(jar)) {
                try (JarFile original = new JarFile(dependency.toFile())) {
                    if (original.isMultiRelease()) {
                        original.stream().map(JarEntry::getName)
                                .filter(name -> name.startsWith("META-INF/versions/") && name.endsWith(".class")
                                        && !name.endsWith("module-info.class"))
                                .forEach(name -> assertThat(jar.getEntry(name)).as("%s from %s", name, dependency)
                                        .isNotNull());
                    }
                }
            }
        }
    }

    @Test
    void listsEveryServiceItsDependenciesList() throws IOException {
        try (JarFile jar = new JarFile(ServerProcess.jar().toFile())) {
            for (Path dependency : shadedDependencies(jar)) {
                try (JarFile original = new JarFile(dependency.toFile())) {
                    for (JarEntry services : Collections.list(original.entries())) {
                        String name = services.getName();
                        if (!name.startsWith("META-INF/services/") || name.endsWith("/")
                                || name.equals("META-INF/services/java.net.spi.InetAddressResolverProvider")) {
                            continue;
                        }
                        assertThat(jar.getEntry(name)).as("%s from %s", name, dependency).isNotNull();
                        assertThat(providers(jar, jar.getJarEntry(name))).as("%s from %s", name, dependency)
                                .containsAll(providers(original, services));
                    }
                }
            }
        }
    }

    /**
     * The jars on the test class path whose classes are in the shaded jar: the server's runtime
     * dependencies, without the test libraries.
     */
    private static List<Path> shadedDependencies(JarFile shaded) throws IOException {
        List<Path> shadedJars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
                continue;
            }
            try (JarFile candidate = new JarFile(path.toFile())) {
                Optional<String> someClass = candidate.stream().map(JarEntry::getName)
                        .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")
                                && !name.endsWith("module-info.class"))
                        .findFirst();
                if (someClass.isPresent() && shaded.getEntry(someClass.get()) != null) {
                    shadedJars.add(path);
                }
            }
        }
        assertThat(shadedJars).as("dependency jars on the class path").isNotEmpty();
        return shadedJars;
    }

    private static List<String> providers(JarFile jar, JarEntry services) throws IOException {
        try (InputStream in = jar.getInputStream(services)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }

    @Test
    void secondServerOnSameDataDirectoryIsRefused() throws Exception {
        try (ServerProcess first = ServerProcess.start(args(FreePorts.udpAndTcp()), logs.resolve("first.log"))) {
            assertThat(first.awaitLine("Switchboard started", START_TIMEOUT)).as(first.output()).isTrue();

            try (ServerProcess second = ServerProcess.start(args(FreePorts.udpAndTcp()), logs.resolve("second.log"))) {
                assertThat(second.awaitExit(START_TIMEOUT)).as(second.output()).isEqualTo(1);
                assertThat(second.output())
                        .contains("Switchboard could not start: data directory " + dataDir
                                + " is in use by another Switchboard")
                        .doesNotContain("Switchboard started", "\tat ");
            }
            first.terminate();
            assertThat(first.awaitExit(EXIT_TIMEOUT)).isEqualTo(EXIT_ON_SIGTERM);
        }
    }

    @Test
    void badFlagExitsWithUsageAndNoStackTrace() throws Exception {
        try (ServerProcess server =
                ServerProcess.start(List.of("--sip-port", "70000"), logs.resolve("bad-flag.log"))) {
            assertThat(server.awaitExit(START_TIMEOUT)).isEqualTo(2);
            assertThat(server.output())
                    .startsWith("Invalid value for option '--sip-port'")
                    .contains("Usage: switchboard")
                    .doesNotContain("\tat ");
        }
    }
}
