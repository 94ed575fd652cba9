package org.switchboard.server.admin;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.bruteforce.BanLiftRequests;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.core.spi.store.Device;
import org.switchboard.server.admin.AdminRun.Result;
import org.switchboard.server.admin.AdminRun.Top;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.bans.JdbcBanStore;
import org.switchboard.store.devices.JdbcDeviceStore;
import org.switchboard.testkit.time.ManualClock;
import picocli.CommandLine;

/** The admin commands run in process on a temporary data directory. */
class AdminCommandsTest {
    @TempDir
    Path dataDir;
    private final ManualClock clock = new ManualClock();

    private Result run(String... args) {
        return AdminRun.of(() -> new CommandLine(new Top()).addSubcommand(new DomainCommand())
                .addSubcommand(new UserCommand()).addSubcommand(new BanCommand(clock)).addSubcommand(new DeviceCommand())
                .addSubcommand(new AdminCommand()), dataDir).run(args);
    }

    @Test
    void addTakesAllCommandGroups() {
        CommandLine top = AdminCommands.addTo(new CommandLine(new Top()));

        assertThat(top.getSubcommands()).containsKeys("domain", "user", "ban", "calls", "device", "settings", "dialplan", "features",
                "group", "admin");
    }

    @Test
    void anApiTokenIsPrintedOnceStoredAsItsHashListedAndRevoked() throws Exception {
        Result created = run("admin", "token", "create", "--name", "backup-script");

        assertThat(created.exitCode()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("sbt_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown only now");
        assertThat(run("admin", "token", "create", "--name", "backup-script").exitCode()).isEqualTo(1);
        assertThat(run("admin", "token", "list").out()).startsWith("backup-script  ").doesNotContain(token);
        assertThat(Files.readAllBytes(dataDir.resolve("switchboard.mv.db")))
                .asString(java.nio.charset.StandardCharsets.ISO_8859_1).doesNotContain(token)
                .contains(org.switchboard.webadmin.auth.ApiTokens.hash(token));
        assertThat(run("admin", "token", "revoke", "backup-script").out()).isEqualTo("Token backup-script revoked\n");
        assertThat(run("admin", "token", "list").out()).isEmpty();
        assertThat(run("admin", "token", "create", "--name", "no spaces").exitCode()).isEqualTo(1);
    }

    @Test
    void domainsAreAddedListedAndRemoved() {
        assertThat(run("domain", "add", "Example.COM")).isEqualTo(new Result(0, "Domain example.com added\n", ""));
        assertThat(run("domain", "add", "second.org").exitCode()).isZero();
        assertThat(run("domain", "list").out()).isEqualTo("example.com\nsecond.org\n");
        assertThat(run("domain", "remove", "second.org").exitCode()).isZero();
        assertThat(run("domain", "list").out()).isEqualTo("example.com\n");
    }

    @Test
    void domainErrorsAreOneLineWithExitCode1() {
        run("domain", "add", "example.com");

        Result duplicate = run("domain", "add", "example.com");
        Result bad = run("domain", "add", "not a domain");
        Result missing = run("domain", "remove", "nowhere.org");

        assertThat(List.of(duplicate, bad, missing)).allSatisfy(r -> {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error: ").hasLineCount(1).doesNotContain("Exception");
        });
        assertThat(missing.err()).contains("nowhere.org does not exist");
    }

    @Test
    void usersAreAddedWithGivenOrGeneratedPasswordsListedAndRemoved() {
        run("domain", "add", "example.com");

        assertThat(run("user", "add", "201@example.com", "--name", "Alice", "--password", "alice-secret-1").out())
                .isEqualTo("User 201@example.com added\n");
        Result generated = run("user", "add", "202@example.com");
        assertThat(generated.out()).matches("User 202@example\\.com added with password [A-Za-z0-9]{16} \\(shown only now\\)\n");

        assertThat(run("user", "list", "example.com").out()).isEqualTo("201@example.com  Alice\n202@example.com\n");
        assertThat(run("user", "list").out()).isEqualTo("201@example.com  Alice\n202@example.com\n");
        assertThat(run("user", "remove", "202@example.com").exitCode()).isZero();
        assertThat(run("user", "list").out()).isEqualTo("201@example.com  Alice\n");
    }

    @Test
    void userErrorsAreOneLineWithExitCode1() {
        run("domain", "add", "example.com");
        run("user", "add", "201@example.com", "--password", "alice-secret-1");

        assertThat(run("user", "add", "201@example.com", "--password", "alice-secret-1").err())
                .contains("already exists").hasLineCount(1);
        assertThat(run("user", "add", "201-at-example.com").err())
                .isEqualTo("Error: '201-at-example.com' is not an address like 201@example.com\n");
        assertThat(run("user", "add", "203@missing.org").err()).contains("missing.org does not exist");
        assertThat(run("user", "add", "204@example.com", "--password", "short").exitCode()).isEqualTo(1);
        assertThat(run("user", "remove", "299@example.com").exitCode()).isEqualTo(1);
    }

    @Test
    void passwdSetsOrGeneratesAPassword() {
        run("domain", "add", "example.com");
        run("user", "add", "201@example.com", "--password", "alice-secret-1");

        assertThat(run("user", "passwd", "201@example.com", "--password", "alice-secret-2").out())
                .isEqualTo("Password of 201@example.com changed\n");
        assertThat(run("user", "passwd", "201@example.com").out())
                .matches("Password of 201@example\\.com changed to [A-Za-z0-9]{16} \\(shown only now\\)\n");
        assertThat(run("user", "passwd", "299@example.com").exitCode()).isEqualTo(1);
    }

    @Test
    void importOfAFileWithABadLineImportsNothingAndReportsTheLineByNumber() throws IOException {
        run("domain", "add", "example.com");
        Path csv = dataDir.resolve("users.csv");
        Files.writeString(csv, "user,password,name\n301,password-301,Ann\n302,short\n303,password-303\n");

        Result r = run("user", "import", csv.toString(), "--domain", "example.com");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("Nothing imported into example.com: 1 line is invalid; fix it and import the"
                + " file again\n  line 3: ");
        assertThat(run("user", "list", "example.com").out()).isEmpty();
        assertThat(run("user", "import", dataDir.resolve("none.csv").toString(), "--domain", "example.com").err())
                .startsWith("Error: cannot read");
    }

    @Test
    void importOfAGoodFileImportsEveryUser() throws IOException {
        run("domain", "add", "example.com");
        Path csv = dataDir.resolve("users.csv");
        Files.writeString(csv, "301,password-301,Ann\n303,password-303\n");

        Result r = run("user", "import", csv.toString(), "--domain", "example.com");

        assertThat(r).isEqualTo(new Result(0, "Imported 2 users into example.com\n", ""));
        assertThat(run("user", "list", "example.com").out()).isEqualTo("301@example.com  Ann\n303@example.com\n");
    }

    @Test
    void importOfALatin1FileSaysWhichLineAndToSaveItAsUtf8() throws IOException {
        run("domain", "add", "example.com");
        Path csv = dataDir.resolve("users.csv");
        Files.write(csv, "301,password-301,Ann\n302,password-302,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        Result r = run("user", "import", csv.toString(), "--domain", "example.com");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: line 2: the file is not UTF-8").contains("save it as UTF-8")
                .hasLineCount(1);
        assertThat(run("user", "list", "example.com").out()).isEmpty();
    }

    @Test
    void devicesAreAssignedListedAndRemoved() {
        run("domain", "add", "example.com");
        run("user", "add", "201@example.com", "--password", "alice-secret-1");
        try (Database db = Storage.inDataDir(dataDir).openDatabase(2)) {
            new JdbcDeviceStore(db).add(new Device("000413a1b2c3", "snom", "snomD785", "10.1.159.12", "192.0.2.10",
                    clock.instant(), clock.instant().plusSeconds(60), null, List.of()), "unused");
        }

        assertThat(run("device", "list").out()).isEqualTo("""
                MAC           VENDOR  MODEL     FIRMWARE     IP          FIRST SEEN            LAST SEEN             LAST PROVISIONED  USER
                000413a1b2c3  snom    snomD785  10.1.159.12  192.0.2.10  2025-01-01T12:00:00Z  2025-01-01T12:01:00Z  -                 discovered
                """);
        assertThat(run("device", "assign", "00:04:13:AA:BB:CC", "201@example.com").out())
                .isEqualTo("Device 000413aabbcc assigned to 201@example.com "
                        + "(not seen yet; it is provisioned when it first asks)\n");
        assertThat(run("device", "list").out()).endsWith(
                "000413aabbcc  -       -         -            -           -                     -                     "
                + "-                 201@example.com\n");
        assertThat(run("device", "remove", "000413A1B2C3").out()).isEqualTo("Device 000413a1b2c3 removed\n");
        assertThat(run("device", "list").out()).doesNotContain("000413a1b2c3").contains("000413aabbcc");
    }

    @Test
    void deviceErrorsAreOneLineWithExitCode1() {
        run("domain", "add", "example.com");

        Result badMac = run("device", "assign", "00041", "201@example.com");
        Result unknownUser = run("device", "assign", "000413aabbcc", "299@example.com");
        Result badAddress = run("device", "assign", "000413aabbcc", "299");
        Result unknownDevice = run("device", "remove", "000413aabbcc");

        assertThat(List.of(badMac, unknownUser, badAddress, unknownDevice)).allSatisfy(r -> {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error: ").hasLineCount(1).doesNotContain("Exception");
        });
        assertThat(badMac.err()).isEqualTo("Error: '00041' is not a MAC address like 000413aabbcc\n");
        assertThat(unknownUser.err()).isEqualTo("Error: User 299@example.com does not exist\n");
        assertThat(unknownDevice.err()).isEqualTo("Error: Device 000413aabbcc does not exist\n");
        assertThat(run("device", "list").out()).doesNotContain("000413aabbcc");
    }

    @Test
    void firmwareIsSetPerModelListedAndCleared() {
        assertThat(run("device", "firmware", "snomD785", "https://fw.example.com/D785.bin").out())
                .isEqualTo("Firmware for model snomD785 set to https://fw.example.com/D785.bin\n");
        run("device", "firmware", "snomD715", "http://192.0.2.5/D715.bin");
        run("device", "firmware", "snomD785", "https://fw.example.com/D785-new.bin");

        assertThat(run("device", "firmware").out()).isEqualTo("""
                snomD715  http://192.0.2.5/D715.bin
                snomD785  https://fw.example.com/D785-new.bin
                """);
        assertThat(run("device", "firmware", "snomD715", "--clear").out())
                .isEqualTo("Firmware for model snomD715 cleared\n");
        assertThat(run("device", "firmware").out()).isEqualTo("snomD785  https://fw.example.com/D785-new.bin\n");
        try (Database db = Storage.inDataDir(dataDir).openDatabase(2)) {
            assertThat(new JdbcDeviceStore(db).firmwareUrl("snomD785")).contains("https://fw.example.com/D785-new.bin");
        }
    }

    @Test
    void firmwareErrorsAreOneLineWithExitCode1() {
        Result relative = run("device", "firmware", "snomD785", "/fw/D785.bin");
        Result ftp = run("device", "firmware", "snomD785", "ftp://fw.example.com/D785.bin");
        Result notSet = run("device", "firmware", "snomD785", "--clear");
        Result both = run("device", "firmware", "snomD785", "https://fw.example.com/D785.bin", "--clear");
        Result modelOnly = run("device", "firmware", "snomD785");

        assertThat(List.of(relative, ftp, notSet, both, modelOnly)).allSatisfy(r -> {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error: ").hasLineCount(1).doesNotContain("Exception");
        });
        assertThat(ftp.err()).isEqualTo(
                "Error: Firmware URL 'ftp://fw.example.com/D785.bin' is not an absolute http:// or https:// URL\n");
        assertThat(notSet.err()).isEqualTo("Error: No firmware is set for model snomD785\n");
        assertThat(run("device", "firmware").out()).isEmpty();
    }

    @Test
    void savedBansAreListedAndLifted() {
        run("domain", "list");
        Instant now = clock.instant();
        try (Database db = Storage.inDataDir(dataDir).openDatabase(2)) {
            new JdbcBanStore(db).replaceAll(List.of(
                    new Ban(InetAddress.getLoopbackAddress(), now, now.plus(Duration.ofHours(1)), "10 failures"),
                    new Ban(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 9}), now.minusSeconds(7200),
                            now.minusSeconds(60), "old")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        assertThat(run("ban", "list").out()).isEqualTo("127.0.0.1  until 2025-01-01T13:00:00Z  10 failures\n");
        assertThat(run("ban", "lift", "127.0.0.1").out()).isEqualTo("Ban on 127.0.0.1 lifted\n");
        assertThat(run("ban", "list").out()).isEmpty();
        assertThat(run("ban", "lift", "127.0.0.1").err()).isEqualTo("Error: no saved ban on 127.0.0.1\n");
        assertThat(run("ban", "lift", "phone.example.com").err()).isEqualTo("Error: 'phone.example.com' is not an IP address\n");
    }

    @Test
    void banLiftWhileTheServerRunsIsHandedToItThroughTheDataDirectory() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldDataDir.class.getName(), dataDir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<InetAddress> asked = new CopyOnWriteArrayList<>();
        BanLiftRequests requests = new BanLiftRequests(Storage.inDataDir(dataDir).banLiftDir());
        Thread runningServer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                requests.takeAll(source -> asked.add(source) && source.getHostAddress().equals("192.0.2.7"));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (var ready = new BufferedReader(new InputStreamReader(server.getInputStream()))) {
            assertThat(ready.readLine()).isEqualTo("ready");
            runningServer.start();

            Result lifted = run("ban", "lift", "192.0.2.7");
            Result none = run("ban", "lift", "2001:db8::9");

            assertThat(lifted).isEqualTo(new Result(0, "Ban on 192.0.2.7 lifted in the running server\n", ""));
            assertThat(none).isEqualTo(new Result(1, "", "Error: no ban in force on 2001:db8:0:0:0:0:0:9\n"));
            assertThat(asked).extracting(InetAddress::getHostAddress)
                    .containsExactly("192.0.2.7", "2001:db8:0:0:0:0:0:9");
        } finally {
            runningServer.interrupt();
            runningServer.join();
            server.getOutputStream().close();
            server.waitFor();
        }
    }

    @Test
    void aDataDirectoryInUseByAnotherProcessIsReportedInOneLine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldDataDir.class.getName(), dataDir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var ready = new BufferedReader(new InputStreamReader(server.getInputStream()))) {
            assertThat(ready.readLine()).isEqualTo("ready");

            Result r = run("domain", "list");

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("in use by a running Switchboard server").hasLineCount(1);
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }
}
