package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.config.BackupSchedule;
import org.switchboard.server.config.BackupSettings;
import org.switchboard.server.config.BanAction;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.store.DatabaseSettings;
import org.switchboard.store.TestPostgres;
import picocli.CommandLine;

class SwitchboardCliTest {

    private final List<ServerConfig> runs = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int execute(Map<String, String> env, String... args) {
        return execute(env, config -> {
            runs.add(config);
            return 0;
        }, args);
    }

    private int execute(Map<String, String> env, ServerRunner runner, String... args) {
        CommandLine commandLine = SwitchboardCli.create(env, runner);
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    private ServerConfig onlyRun() {
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }

    private void assertUsageError(int exitCode, String firstLineContains) {
        assertThat(exitCode).isEqualTo(2);
        assertThat(runs).isEmpty();
        String[] lines = err.toString().split("\\R");
        assertThat(lines[0]).contains(firstLineContains);
        assertThat(err.toString()).contains("Usage: switchboard").doesNotContain("Exception", "\tat ");
    }

    @Test
    void dataDirBeforeAnAdminCommandIsTheOneItUses(@TempDir Path parent) {
        Path dataDir = parent.resolve("sb");

        assertThat(execute(Map.of(), "--data-dir", dataDir.toString(), "domain", "add", "example.com")).isZero();

        assertThat(dataDir.resolve("switchboard.mv.db")).exists();
        out.getBuffer().setLength(0);
        assertThat(execute(Map.of(), "domain", "list", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).isEqualTo("example.com\n");
        assertThat(runs).isEmpty();
    }

    @Test
    void dataDirFromTheEnvironmentIsUsedByAdminCommands(@TempDir Path parent) {
        Path dataDir = parent.resolve("from-env");

        assertThat(execute(Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString()), "domain", "add", "example.com"))
                .isZero();

        assertThat(dataDir.resolve("switchboard.mv.db")).exists();
    }

    @Test
    void dataDirOnTheAdminCommandWinsOverTheOneBeforeIt(@TempDir Path parent) {
        Path before = parent.resolve("before");
        Path after = parent.resolve("after");

        assertThat(execute(Map.of(), "--data-dir", before.toString(), "domain", "add", "example.com",
                "--data-dir", after.toString())).isZero();

        assertThat(after.resolve("switchboard.mv.db")).exists();
        assertThat(before).doesNotExist();
    }

    @Test
    void theDatabaseIsTheEmbeddedOneUnlessAUrlIsGiven() {
        assertThat(execute(Map.of(), "run")).isZero();

        assertThat(onlyRun().database()).isEqualTo(DatabaseSettings.EMBEDDED);
    }

    @Test
    void databaseUrlUserAndPasswordComeFromOptionsOrVariablesAndThePasswordIsNeverShown() {
        Map<String, String> env = Map.of("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db.example.com/sb",
                "SWITCHBOARD_DATABASE_PASSWORD", "pw-from-env");

        assertThat(execute(env, "run", "--database-user", "sb")).isZero();

        DatabaseSettings database = onlyRun().database();
        assertThat(database)
                .isEqualTo(new DatabaseSettings("jdbc:postgresql://db.example.com/sb", "sb", "pw-from-env"));
        assertThat(onlyRun().toString()).contains("jdbc:postgresql://db.example.com/sb as sb")
                .doesNotContain("pw-from-env");
    }

    @Test
    void aDatabasePasswordWithoutAUrlIsAUsageError() {
        assertUsageError(execute(Map.of(), "run", "--database-password", "pw"),
                "--database-user and --database-password need --database-url");
    }

    @Test
    void aUrlOfAnUnsupportedDatabaseIsAUsageErrorWithoutItsPassword() {
        assertUsageError(execute(Map.of(), "run", "--database-url", "jdbc:mysql://db/sb?password=pw-in-url"),
                "Unsupported database URL jdbc:mysql://db/sb?password=***");
        assertThat(err.toString()).doesNotContain("pw-in-url");
    }

    @Test
    void adminCommandsUseTheDatabaseGivenBeforeOrAfterThem(@TempDir Path dataDir) {
        String url = TestPostgres.server().newDatabase();

        assertThat(execute(Map.of(), "--database-url", url, "--database-user", TestPostgres.PASSWORD_USER,
                "--database-password", TestPostgres.PASSWORD, "domain", "add", "example.com", "--data-dir",
                dataDir.toString())).as(err.toString()).isZero();
        assertThat(execute(Map.of("SWITCHBOARD_DATABASE_PASSWORD", TestPostgres.PASSWORD), "domain", "list",
                "--data-dir", dataDir.toString(), "--database-url", url, "--database-user",
                TestPostgres.PASSWORD_USER)).as(err.toString()).isZero();

        assertThat(out.toString()).isEqualTo("Domain example.com added\nexample.com\n");
        assertThat(dataDir.resolve("switchboard.mv.db")).doesNotExist();
    }

    @Test
    void serverOptionsBeforeAnAdminCommandAreRefusedNotIgnored(@TempDir Path parent) {
        int exitCode = execute(Map.of(), "--sip-port", "5070", "--data-dir", parent.toString(), "domain", "list");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith("--sip-port is a server option and does nothing here; only --data-dir,"
                + " --database-url, --database-user, --database-password may come before 'switchboard domain list'");
        assertThat(runs).isEmpty();
    }

    @Test
    void adminCommandCreatesTheDataDirectoryAndDatabaseForTheOwnerOnly(@TempDir Path parent) throws IOException {
        Path dataDir = parent.resolve("new/data");

        assertThat(execute(Map.of(), "--data-dir", dataDir.toString(), "user", "list")).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        try (var files = Files.list(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .as(file.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void guardDefaultsTrustNobodyDropBannedSourcesAndLimitConnections() {
        execute(Map.of());

        GuardSettings guard = onlyRun().guard();
        assertThat(guard.trustedNetworks()).isEmpty();
        assertThat(guard.banAction()).isEqualTo(BanAction.DROP);
        assertThat(guard.tcpConnectionsPerSource()).isEqualTo(100);
        assertThat(guard.tcpFirstMessageTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void trustedNetworksComeFromTheFlagOrTheEnvironmentInIpv4AndIpv6() {
        execute(Map.of(), "--trusted-networks", "192.168.1.0/24,2001:db8::/48,10.0.0.7", "--ban-action", "reject",
                "--tcp-connections-per-source", "300", "--tcp-first-message-timeout", "5");
        execute(Map.of("SWITCHBOARD_TRUSTED_NETWORKS", "172.16.0.0/12"));

        GuardSettings flags = runs.get(0).guard();
        assertThat(flags.trustedNetworks()).extracting(Object::toString)
                .containsExactly("192.168.1.0/24", "2001:db8::/48", "10.0.0.7");
        assertThat(flags.banAction()).isEqualTo(BanAction.REJECT);
        assertThat(flags.tcpConnectionsPerSource()).isEqualTo(300);
        assertThat(flags.tcpFirstMessageTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(runs.get(1).guard().trustedNetworks()).extracting(Object::toString).containsExactly("172.16.0.0/12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"office.example.com", "192.168.1.0/33", "abc"})
    void badTrustedNetworkIsRejected(String network) {
        assertUsageError(execute(Map.of(), "--trusted-networks", network), "is not an IP network");
    }

    @Test
    void tcpLimitsBelowTheirMinimumAreRejected() {
        assertUsageError(execute(Map.of(), "--tcp-connections-per-source", "0"), "at least 1");
        err.getBuffer().setLength(0);
        assertUsageError(execute(Map.of(), "--tcp-first-message-timeout", "0"), "at least 1 second");
    }

    @Test
    void noArgumentsRunsServerOnEmbeddedDefaults() throws IOException {
        assertThat(execute(Map.of())).isZero();

        ServerConfig config = onlyRun();
        assertThat(config.sipPort()).isEqualTo(5060);
        assertThat(config.listenAddresses()).containsExactly(ip("0.0.0.0"), ip("::"));
        assertThat(config.transports()).containsExactlyInAnyOrder(Transport.UDP, Transport.TCP);
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void natFlagsAndTheirVariablesPinTheNatSettings() {
        execute(Map.of("SWITCHBOARD_STUN_PORT", "0"), "--nat-mode", "never", "--nat-keepalive", "15s");

        assertThat(onlyRun().settingPins()).containsExactly(new SettingOverride("nat.mode", "never", "--nat-mode"),
                new SettingOverride("nat.keepaliveInterval", "15s", "--nat-keepalive"),
                new SettingOverride("nat.stunPort", "0", "--stun-port"));
    }

    @Test
    void withoutNatFlagsNoSettingIsPinned() {
        execute(Map.of());

        assertThat(onlyRun().settingPins()).isEmpty();
    }

    @Test
    void flagsOnTopCommandConfigureServer() throws IOException {
        execute(Map.of(), "--sip-port", "5070", "--listen", "127.0.0.1,[::1]", "--transports", "TCP",
                "--data-dir", "var/sb", "--log-level", "debug");

        ServerConfig config = onlyRun();
        assertThat(config.sipPort()).isEqualTo(5070);
        assertThat(config.listenAddresses()).containsExactly(ip("127.0.0.1"), ip("::1"));
        assertThat(config.transports()).containsExactly(Transport.TCP);
        assertThat(config.dataDir()).isEqualTo(Path.of("var/sb").toAbsolutePath());
        assertThat(config.logLevel()).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void runSubcommandTakesSameFlags() {
        assertThat(execute(Map.of(), "run", "--sip-port=5080", "--transports=udp")).isZero();

        assertThat(onlyRun().sipPort()).isEqualTo(5080);
        assertThat(onlyRun().transports()).containsExactly(Transport.UDP);
    }

    @Test
    void optionsBeforeRunAreRefusedNotIgnored() {
        assertUsageError(execute(Map.of(), "--sip-port", "5070", "run"), "options go after 'run'");
    }

    @Test
    void environmentVariablesOverrideDefaults() throws IOException {
        Map<String, String> env = Map.of(
                "SWITCHBOARD_SIP_PORT", "5090",
                "SWITCHBOARD_LISTEN", "10.0.0.1",
                "SWITCHBOARD_TRANSPORTS", "udp",
                "SWITCHBOARD_DATA_DIR", "srv/switchboard",
                "SWITCHBOARD_LOG_LEVEL", "warn");

        execute(env, "run");

        ServerConfig config = onlyRun();
        assertThat(config.sipPort()).isEqualTo(5090);
        assertThat(config.listenAddresses()).containsExactly(ip("10.0.0.1"));
        assertThat(config.transports()).containsExactly(Transport.UDP);
        assertThat(config.dataDir()).isEqualTo(Path.of("srv/switchboard").toAbsolutePath());
        assertThat(config.logLevel()).isEqualTo(LogLevel.WARN);
    }

    @Test
    void flagWinsOverEnvironmentVariable() {
        execute(Map.of("SWITCHBOARD_SIP_PORT", "5090"), "--sip-port", "5091");

        assertThat(onlyRun().sipPort()).isEqualTo(5091);
    }

    @Test
    void unknownFlagGivesOneLineErrorAndUsage() {
        assertUsageError(execute(Map.of(), "--bogus"), "Unknown option: '--bogus'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "sip"})
    void badPortIsRejected(String port) {
        assertUsageError(execute(Map.of(), "--sip-port", port), "Invalid value for option '--sip-port'");
    }

    @Test
    void badPortFromEnvironmentIsRejected() {
        assertUsageError(execute(Map.of("SWITCHBOARD_SIP_PORT", "70000")),
                "Invalid value for option '--sip-port'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "pbx.example.com", "::g", "1.2.3", ""})
    void badListenAddressIsRejected(String address) {
        assertUsageError(execute(Map.of(), "--listen", address), "Invalid value for option '--listen'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wss", "sctp", "udp,ws"})
    void unsupportedTransportIsRejected(String transports) {
        assertUsageError(execute(Map.of(), "--transports", transports),
                "Invalid value for option '--transports'");
    }

    @Test
    void phonesAreChallengedWithMd5AloneUnlessSha256IsTurnedOn() {
        execute(Map.of(), "run");
        execute(Map.of(), "run", "--digest-algorithms", "sha-256,md5");
        execute(Map.of("SWITCHBOARD_DIGEST_ALGORITHMS", "SHA-256,MD5"), "run");

        List<DigestAlgorithm> sha256First = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(runs).extracting(ServerConfig::digestAlgorithms)
                .containsExactly(List.of(DigestAlgorithm.MD5), sha256First, sha256First);
    }

    @Test
    void callRecordsAreKept90DaysUnlessConfigured() {
        execute(Map.of(), "run");
        execute(Map.of(), "run", "--cdr-retention-days", "30");
        execute(Map.of("SWITCHBOARD_CDR_RETENTION_DAYS", "365"), "run");

        assertThat(runs).extracting(ServerConfig::settingPins).containsExactly(List.of(),
                List.of(new SettingOverride("calls.retentionDays", "30", "--cdr-retention-days")),
                List.of(new SettingOverride("calls.retentionDays", "365", "--cdr-retention-days")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void callRecordRetentionUnderADayIsRejected(String days) {
        assertUsageError(execute(Map.of(), "run", "--cdr-retention-days", days), "at least one day");
    }

    @Test
    void theServerWarmsUpTenSecondsUnlessConfigured() {
        execute(Map.of(), "run");
        execute(Map.of(), "run", "--warm-up", "0");
        execute(Map.of("SWITCHBOARD_WARM_UP", "30"), "run");

        assertThat(runs).extracting(ServerConfig::warmUp)
                .containsExactly(Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "121"})
    void aWarmUpOutsideZeroToTwoMinutesIsRejected(String seconds) {
        assertUsageError(execute(Map.of(), "run", "--warm-up", seconds), "the warm-up must be between 0 and 120");
    }

    @Test
    void theServerBacksItselfUpDailyAtThreeKeepingSevenInTheDataDirectoryUnlessConfigured(@TempDir Path elsewhere) {
        execute(Map.of(), "run", "--data-dir", elsewhere.resolve("data").toString());
        execute(Map.of(), "run", "--backup-schedule", "daily@22:15", "--backup-dir", elsewhere.resolve("b").toString(),
                "--backup-keep", "30");
        execute(Map.of("SWITCHBOARD_BACKUP_SCHEDULE", "off"), "run");

        BackupSettings defaults = runs.get(0).backup();
        assertThat(defaults.schedule()).hasToString("daily@03:00");
        assertThat(defaults.keep()).isEqualTo(7);
        assertThat(defaults.dir(runs.get(0).dataDir())).isEqualTo(elsewhere.resolve("data").resolve("backups"));
        assertThat(runs.get(1).backup()).isEqualTo(new BackupSettings(BackupSchedule.parse("daily@22:15"),
                Optional.of(elsewhere.resolve("b")), 30));
        assertThat(runs.get(2).backup().schedule().enabled()).isFalse();
    }

    @Test
    void aBadBackupScheduleOrNoBackupToKeepIsRejected() {
        assertUsageError(execute(Map.of(), "run", "--backup-schedule", "weekly"),
                "Invalid value for option '--backup-schedule': 'weekly' is no backup schedule; expected "
                        + "daily@HH:MM (e.g. daily@03:00, in the server's time zone) or off");
        err.getBuffer().setLength(0);
        assertUsageError(execute(Map.of(), "run", "--backup-keep", "0"),
                "--backup-keep: at least 1 backup must be kept, not 0");
    }

    @Test
    void discoveredPhonesWaitForAnAdminUnlessAutomaticAssignmentIsAskedFor() {
        execute(Map.of());
        execute(Map.of("SWITCHBOARD_PNP_ASSIGN", "auto"), "--pnp-extensions", "300-309");

        assertThat(runs.get(0).settingPins()).isEmpty();
        assertThat(runs.get(1).settingPins()).containsExactly(
                new SettingOverride("pnp.assign", "auto", "--pnp-assign"),
                new SettingOverride("pnp.extensions", "300-309", "--pnp-extensions"));
    }

    @Test
    void badExtensionRangeIsRejected() {
        assertUsageError(execute(Map.of(), "--pnp-extensions", "300..309"),
                "--pnp-extensions: '300..309' is not an extension range like 200-299");
    }

    @Test
    void unknownLogLevelIsRejected() {
        assertUsageError(execute(Map.of(), "--log-level", "loud"), "Invalid value for option '--log-level'");
    }

    @Test
    void unusableSettingFoundByRunnerIsReportedLikeBadFlag() {
        ServerRunner refusing = config -> {
            throw new InvalidConfigurationException("cannot create data directory /x: Permission denied",
                    new IOException("Permission denied"));
        };

        int exitCode = execute(Map.of(), refusing);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().split("\\R")[0])
                .isEqualTo("cannot create data directory /x: Permission denied");
        assertThat(err.toString()).contains("Usage: switchboard");
    }

    @Test
    void runnerExitCodeBecomesCommandExitCode() {
        assertThat(execute(Map.of(), config -> 1)).isEqualTo(1);
    }

    @Test
    void helpListsEnvironmentVariablesAndRunCommand() {
        assertThat(execute(Map.of(), "--help")).isZero();

        assertThat(out.toString()).contains("SWITCHBOARD_SIP_PORT", "SWITCHBOARD_LISTEN",
                "SWITCHBOARD_TRANSPORTS", "SWITCHBOARD_DATA_DIR", "SWITCHBOARD_LOG_LEVEL", "run");
        assertThat(runs).isEmpty();
    }

    @Test
    void environmentVariableNameFollowsOptionName() {
        assertThat(EnvironmentDefaultProvider.variableFor("--sip-port")).isEqualTo("SWITCHBOARD_SIP_PORT");
        assertThat(EnvironmentDefaultProvider.variableFor("--data-dir")).isEqualTo("SWITCHBOARD_DATA_DIR");
    }

    @Test
    void transportsAreKeptAsSet() {
        execute(Map.of(), "--transports", "udp,tcp,udp");

        assertThat(onlyRun().transports()).isEqualTo(Set.of(Transport.UDP, Transport.TCP));
    }
}
