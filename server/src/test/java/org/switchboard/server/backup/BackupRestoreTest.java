package org.switchboard.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.cli.SwitchboardCli;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import picocli.CommandLine;

/**
 * {@code switchboard backup} and {@code restore} around a real server: a backup taken while phones
 * register restores users (with the key their passwords need) and registrations, and nothing made
 * after it; a restore refuses a running server and files that are no backup, changing nothing; with
 * PostgreSQL both name the database's own tools.
 */
class BackupRestoreTest {
    private static final String DOMAIN = "backup.example.com";
    /** Registrations one phone makes while the backup is taken; bounded, so the loop ends by itself. */
    private static final int REGISTRATIONS = 40;

    @RegisterExtension
    final SwitchboardServer server = SwitchboardServer.create()
            .user(DOMAIN, "201", "backup-secret-201").user(DOMAIN, "202", "backup-secret-202")
            .user(DOMAIN, "203", "backup-secret-203");

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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

    @Test
    void aBackupTakenWhilePhonesRegisterRestoresUsersKeysAndRegistrationsAndNothingMadeAfter() throws Exception {
        Path dataDir = server.dataDirectory();
        Path backup = work.resolve("switchboard-backup.zip");
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

            assertThat(cli("--data-dir", dataDir.toString(), "backup", backup.toString())).as(err.toString()).isZero();

            assertThat(out.toString()).startsWith("Backed up by the running server: database, keys and ");
            assertThat(registering.get()).as("every registration answered 200 during the backup").isEqualTo(REGISTRATIONS);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
            server.user(DOMAIN, "204", "made-after-the-backup");

            server.stop();
            assertThat(cli("--data-dir", dataDir.toString(), "restore", backup.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Restored the backup of ", "domains 1, users 3, ",
                    "; the previous data is in " + dataDir.resolve("before-restore-"));
            assertThat(cli("user", "list", "--data-dir", dataDir.toString())).isZero();
            assertThat(out.toString()).as("a user added after the backup is gone")
                    .contains("201@" + DOMAIN, "202@" + DOMAIN, "203@" + DOMAIN).doesNotContain("204@");
            server.start();

            // Bob's registration came back: Alice reaches him without his registering again, and her
            // password still checks, so the key that encrypts the passwords came back with the database
            Call call = alice.call(bob).expect(407).answer();
            bob.expect("INVITE").respond(486);
            call.expect(486);
        } finally {
            background.shutdownNow();
        }
        try (Stream<Path> aside = Files.list(dataDir)) {
            Path previous = aside.filter(p -> p.getFileName().toString().startsWith("before-restore-")).findFirst()
                    .orElseThrow();
            assertThat(previous.resolve("switchboard.mv.db")).exists();
        }
    }

    @Test
    void aBackupOfAStoppedServerRestoresIntoANewDataDirectory() throws Exception {
        server.stop();
        Path tls = Files.createDirectories(server.dataDirectory().resolve("tls"));
        Files.writeString(tls.resolve("cert.pem"), "the certificate phones trust");
        Files.writeString(tls.resolve("key.pem"), "its key");
        Path backup = work.resolve("offline.zip");
        assertThat(cli("--data-dir", server.dataDirectory().toString(), "backup", backup.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Backed up database, keys and ").contains(" in " + backup + " (");
        assertThat(cli("backup", backup.toString(), "--data-dir", server.dataDirectory().toString())).isEqualTo(1);
        assertThat(err.toString()).contains(backup + " exists already; give a new file name");

        Path fresh = work.resolve("fresh");
        assertThat(cli("restore", backup.toString(), "--data-dir", fresh.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).doesNotContain("previous data");
        assertThat(cli("user", "list", "--data-dir", fresh.toString())).isZero();
        assertThat(out.toString()).contains("201@" + DOMAIN, "202@" + DOMAIN, "203@" + DOMAIN);
        assertThat(fresh.resolve("tls/cert.pem")).hasContent("the certificate phones trust");
        assertThat(fresh.resolve("tls/key.pem")).hasContent("its key");
    }

    @Test
    void restoreRefusesARunningServerAndFilesThatAreNoBackupChangingNothing() throws Exception {
        Path backup = work.resolve("b.zip");
        assertThat(cli("backup", backup.toString(), "--data-dir", server.dataDirectory().toString())).isZero();
        assertThat(cli("restore", backup.toString(), "--data-dir", server.dataDirectory().toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: a Switchboard server runs on " + server.dataDirectory()
                + "; stop it before restoring\n");

        Path target = work.resolve("target");
        Path escaping = work.resolve("escaping.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(escaping))) {
            zip.putNextEntry(new ZipEntry("journal/../../outside"));
            zip.write(1);
            zip.closeEntry();
        }
        assertThat(cli("restore", escaping.toString(), "--data-dir", target.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: not restored: " + escaping
                + " holds 'journal/../../outside', which no Switchboard backup holds; not restoring it\n");

        Path text = Files.writeString(work.resolve("notes.zip"), "not a zip");
        assertThat(cli("restore", text.toString(), "--data-dir", target.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: not restored: " + text + " is not a Switchboard backup");
        assertThat(target).isEmptyDirectory();
        assertThat(work.resolve("outside")).doesNotExist();
    }

    @Test
    void withPostgreSqlBothNameTheDatabasesOwnTools() throws IOException {
        String[] database = {"--database-url", "jdbc:postgresql://db.invalid/switchboard", "--data-dir",
            work.toString()};
        assertThat(cli(concat(new String[] {"backup", work.resolve("pg.zip").toString()}, database))).isEqualTo(1);
        assertThat(err.toString()).contains("back it up with PostgreSQL's tools (pg_dump", "sip-passwords.key");
        assertThat(cli(concat(new String[] {"restore", work.resolve("pg.zip").toString()}, database))).isEqualTo(1);
        assertThat(err.toString()).contains("restore it with PostgreSQL's tools (pg_restore)");
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
