package org.switchboard.server.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;

class WarmupTest {
    /** Ample on a loaded machine: the warm-ups below end after {@link #EXCHANGES}. */
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final int EXCHANGES = 200;

    @Test
    void warmsUpOnAuthenticatedRegistrationsAndCallsAndLeavesNothingBehind(@TempDir Path dataDir) throws IOException {
        Set<Path> before = warmupDirectories();

        Warmup.Result result = Warmup.run(config(dataDir, List.of(DigestAlgorithm.MD5)), BUDGET, EXCHANGES);

        assertThat(result.stoppedEarly()).isNull();
        assertThat(result.registrations()).as("the callee's and the phones' registrations").isGreaterThan(1);
        assertThat(result.calls()).isEqualTo(EXCHANGES / 2);
        assertThat(warmupDirectories()).as("the throwaway server's data directory is deleted").isEqualTo(before);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files).as("the real data directory is not touched").isEmpty();
        }
    }

    @Test
    void answersTheDigestAlgorithmTheServerIsConfiguredWith(@TempDir Path dataDir) {
        Warmup.Result result = Warmup.run(config(dataDir, List.of(DigestAlgorithm.SHA_256)), BUDGET, EXCHANGES);

        assertThat(result.stoppedEarly()).isNull();
        assertThat(result.calls()).isEqualTo(EXCHANGES / 2);
    }

    @Test
    void aWarmUpOfZeroSecondsRunsNothing(@TempDir Path dataDir) {
        assertThat(Warmup.run(config(dataDir, List.of(DigestAlgorithm.MD5)), Duration.ZERO))
                .isEqualTo(new Warmup.Result(0, 0, null));
    }

    /** README's defaults on loopback: UDP and TCP, HTTP, plug-and-play; the warm-up binds none of these ports. */
    private static ServerConfig config(Path dataDir, List<DigestAlgorithm> algorithms) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new ServerConfig(5060, List.of(loopback), Set.of(Transport.UDP, Transport.TCP), dataDir, LogLevel.INFO,
                null, algorithms, new HttpSettings(8080, loopback, Optional.empty()),
                new PnpSettings(true, true, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                GuardSettings.defaults());
    }

    private static Set<Path> warmupDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("switchboard-warmup-"))
                    .collect(Collectors.toSet());
        }
    }
}
