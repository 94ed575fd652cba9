package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testkit.server.FreePorts;

/**
 * The data directory holds the user database and the password key: whoever creates it, the
 * packaged server or an admin command, it and everything in it are readable by the owner only.
 */
class PrivateDataIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path parent;

    @Test
    void theServerCreatesItsDataForItsOwnerOnlyAndAnAdminCommandLeavesNoOtherFile() throws Exception {
        Path dataDir = parent.resolve("server-data");
        try (ServerProcess server = ServerProcess.start(List.of("run", "--sip-port",
                Integer.toString(FreePorts.udpAndTcp()), "--listen", "127.0.0.1", "--data-dir", dataDir.toString(),
                "--http-port", "0", "--pnp-interfaces", "none", "--domain", "example.com"), parent.resolve("s.log"))) {
            assertThat(server.awaitLine("Switchboard started", TIMEOUT)).as(server.output()).isTrue();
            try (ServerProcess refused = ServerProcess.start(List.of("--data-dir", dataDir.toString(), "user", "list"),
                    parent.resolve("refused.log"))) {
                assertThat(refused.awaitExit(TIMEOUT)).as("the database is the server's").isEqualTo(1);
            }

            assertOwnerOnly(dataDir);
        }
    }

    @Test
    void anAdminCommandCreatesTheDataForItsOwnerOnly() throws Exception {
        Path dataDir = parent.resolve("admin-data");
        try (ServerProcess admin = ServerProcess.start(List.of("--data-dir", dataDir.toString(), "domain", "add",
                "example.com"), parent.resolve("a.log"))) {
            assertThat(admin.awaitExit(TIMEOUT)).as(admin.output()).isZero();
        }

        assertOwnerOnly(dataDir);
    }

    private static void assertOwnerOnly(Path dataDir) throws Exception {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            paths = walk.toList();
        }
        assertThat(paths).anyMatch(p -> p.getFileName().toString().equals("switchboard.mv.db"));
        assertThat(paths).allSatisfy(p -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                .as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------"));
    }
}
