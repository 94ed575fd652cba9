package org.switchboard.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.server.TestServerLauncher;
import org.switchboard.server.cli.SwitchboardCli;
import org.switchboard.server.config.BackupSchedule;
import org.switchboard.server.monitoring.Scrape;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import picocli.CommandLine;

/**
 * The running server's scheduled backup, end to end: a server scheduled to back up at 03:00 (on the
 * launcher's clock, moved by hand) takes the backup it never took at start, then the 03:00 one while
 * a phone keeps registering; keeps only the newest; counts both in {@code /metrics}; and the 03:00
 * file restores with {@code switchboard restore} to the same users and registrations.
 */
class ScheduledBackupEndToEndTest {
    private static final String DOMAIN = "scheduled.example.com";
    /** Registrations one phone makes while the backup is due; bounded, so the loop ends by itself. */
    private static final int REGISTRATIONS = 40;
    /** How long the server's backup thread, which looks every second, may take to write a backup. */
    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    final SwitchboardServer server = SwitchboardServer.create()
            .option(TestServerLauncher.BACKUP_SCHEDULE, "daily@03:00").option(TestServerLauncher.BACKUP_KEEP, "1")
            .user(DOMAIN, "201", "scheduled-secret-201").user(DOMAIN, "202", "scheduled-secret-202")
            .user(DOMAIN, "203", "scheduled-secret-203");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aScheduledBackupTakenWhilePhonesRegisterRestoresTheSameUsersAndRegistrations() throws Exception {
        Path dataDir = server.dataDirectory();
        Path backups = dataDir.resolve("backups");
        Path atStart = awaitBackups(backups, 1).get(0);
        assertThat(BackupRetention.takenAt(atStart)).as("the backup missed while stopped is taken at start")
                .isAfterOrEqualTo(TestServerLauncher.BACKUP_CLOCK.instant().minusSeconds(5));

        ExecutorService background = Executors.newSingleThreadExecutor();
        try (Phone alice = server.phone("201").open(); Phone bob = server.phone("202").open();
                Phone carol = server.phone("203").open()) {
            bob.register().expectChallenge().answer().expect(200);
            Future<Integer> registering = background.submit(() -> {
                int ok = 0;
                for (int i = 0; i < REGISTRATIONS; i++) {
                    ok += carol.register().expectChallenge().answer().expectFinal().status() == 200 ? 1 : 0;
                }
                return ok;
            });
            Instant threeOClock = BackupSchedule.parse("daily@03:00").next(TestServerLauncher.BACKUP_CLOCK.instant(),
                    ZoneOffset.UTC);
            TestServerLauncher.BACKUP_CLOCK.advance(Duration.between(TestServerLauncher.BACKUP_CLOCK.instant(),
                    threeOClock));
            Path scheduled = awaitNewBackup(backups, atStart);
            assertThat(registering.get()).as("every registration answered 200 during the backup").isEqualTo(REGISTRATIONS);
            assertThat(BackupRetention.takenAt(scheduled)).isEqualTo(threeOClock);
            assertThat(atStart).as("only the newest is kept").doesNotExist();

            Scrape metrics = Scrape.of(server.httpUri());
            assertThat(metrics.value("switchboard_backup_completed_total{trigger=\"scheduled\"}")).isEqualTo(2);
            assertThat(metrics.value("switchboard_backup_failed_total{trigger=\"scheduled\"}")).isZero();
            assertThat(metrics.value("switchboard_backup_last_success_timestamp_seconds"))
                    .isEqualTo(threeOClock.getEpochSecond());
            assertThat(metrics.value("switchboard_backup_last_size_bytes")).isEqualTo(Files.size(scheduled));
            server.user(DOMAIN, "204", "made-after-the-backup");

            server.stop();
            assertThat(cli("--data-dir", dataDir.toString(), "restore", scheduled.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Restored the backup of " + threeOClock, "domains 1, users 3, ");
            assertThat(cli("user", "list", "--data-dir", dataDir.toString())).isZero();
            assertThat(out.toString()).contains("201@" + DOMAIN, "202@" + DOMAIN, "203@" + DOMAIN).doesNotContain("204@");
            server.start();

            // Bob's registration came back with the backup: Alice reaches him without his registering again
            Call call = alice.call(bob).expect(407).answer();
            bob.expect("INVITE").respond(486);
            call.expect(486);
        } finally {
            background.shutdownNow();
        }
    }

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = SwitchboardCli.create(Map.of(), config -> {
            throw new AssertionError("no server is to be started");
        });
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    /** The scheduled backups in the directory once there are {@code count}; fails after {@link #WRITTEN_WITHIN}. */
    private static List<Path> awaitBackups(Path dir, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        List<Path> found = List.of();
        while (System.nanoTime() < deadline) {
            found = zips(dir);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " backups in " + dir + ", found " + found);
    }

    /** The one scheduled backup other than {@code old} once it is there and {@code old} is deleted. */
    private static Path awaitNewBackup(Path dir, Path old) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        List<Path> found = List.of();
        while (System.nanoTime() < deadline) {
            found = zips(dir);
            if (found.size() == 1 && !found.get(0).equals(old)) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected a new backup in place of " + old + ", found " + found);
    }

    private static List<Path> zips(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("switchboard-\\d{8}-\\d{6}Z\\.zip")).sorted().toList();
        }
    }
}
