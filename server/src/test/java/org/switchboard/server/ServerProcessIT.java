package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
