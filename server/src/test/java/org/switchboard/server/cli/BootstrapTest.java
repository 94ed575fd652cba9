package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.ServerConfig;

/**
 * The bootstrap file as the command line reads it: where it is found, the precedence flag >
 * variable > file > default, and the messages for what is wrong in it, each with file and line,
 * after which nothing runs.
 */
class BootstrapTest {
    @TempDir
    Path dataDir;

    private final List<ServerConfig> runs = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return Bootstrap.run(args, env, config -> {
            runs.add(config);
            return 0;
        }, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path conf(String text) throws IOException {
        return Files.writeString(dataDir.resolve("switchboard.conf"), text);
    }

    private int sipPortOfOnlyRun() {
        assertThat(runs).as(err.toString()).hasSize(1);
        return runs.get(0).sipPort();
    }

    @Test
    void aFlagWinsOverAVariableWhichWinsOverTheFileWhichWinsOverTheDefault() throws IOException {
        String dir = dataDir.toString();
        assertThat(run(Map.of(), "--data-dir", dir)).isZero();
        assertThat(sipPortOfOnlyRun()).as("default").isEqualTo(5060);

        conf("sip-port = 5071\nlog-level = debug\n");
        runs.clear();
        assertThat(run(Map.of(), "--data-dir", dir)).isZero();
        assertThat(sipPortOfOnlyRun()).as("file").isEqualTo(5071);
        assertThat(runs.get(0).logLevel()).isEqualTo(LogLevel.DEBUG);

        runs.clear();
        assertThat(run(Map.of("SWITCHBOARD_SIP_PORT", "5072"), "--data-dir", dir)).isZero();
        assertThat(sipPortOfOnlyRun()).as("variable over file").isEqualTo(5072);
        assertThat(runs.get(0).logLevel()).as("the file's other settings still apply").isEqualTo(LogLevel.DEBUG);

        runs.clear();
        assertThat(run(Map.of("SWITCHBOARD_SIP_PORT", "5072"), "--data-dir", dir, "--sip-port", "5073")).isZero();
        assertThat(sipPortOfOnlyRun()).as("flag over variable and file").isEqualTo(5073);
    }

    @Test
    void findsTheFileInTheDataDirectoryOfTheVariableAndTakesFilesGivenWithConfig(@TempDir Path elsewhere)
            throws IOException {
        conf("sip-port = 5074\n");
        assertThat(run(Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString()))).isZero();
        assertThat(sipPortOfOnlyRun()).isEqualTo(5074);

        Path other = Files.writeString(elsewhere.resolve("pbx.conf"),
                "# the data directory may be set in a file given with --config\ndata-dir = " + dataDir + "\nsip-port = 5075\n");
        runs.clear();
        assertThat(run(Map.of(), "--config", other.toString())).isZero();
        assertThat(sipPortOfOnlyRun()).isEqualTo(5075);
        assertThat(runs.get(0).dataDir()).isEqualTo(dataDir);

        runs.clear();
        assertThat(run(Map.of("SWITCHBOARD_CONFIG", other.toString()))).isZero();
        assertThat(sipPortOfOnlyRun()).isEqualTo(5075);
    }

    @Test
    void aConfigFileThatDoesNotExistIsAnError() {
        assertThat(run(Map.of(), "--config", dataDir.resolve("missing.conf").toString())).isEqualTo(2);
        assertThat(runs).isEmpty();
        assertThat(err.toString()).isEqualTo("Configuration file " + dataDir.resolve("missing.conf")
                + " does not exist or is not a file (given by --config)\n");
    }

    @Test
    void refusesToRunWithUnknownKeysAndBadValuesNamingFileLineAndWhatWasExpected() throws IOException {
        Path file = conf("""
                # a comment
                sip_port = 5070
                sip-port = 70000
                log-level = loud
                pnp = maybe
                listen = pbx.example.com
                pnp-extensions = 300-200
                data-dir = /srv/switchboard
                """);

        assertThat(run(Map.of(), "--data-dir", dataDir.toString())).isEqualTo(2);

        assertThat(runs).isEmpty();
        assertThat(err.toString().split("\n")).containsExactly(
                file + ":2: unknown key 'sip_port'; expected one of " + keys(),
                file + ":3: sip-port = 70000: port 70000 is not between 1 and 65535; expected PORT: SIP port for "
                        + "UDP and TCP on every address.",
                file + ":4: log-level = loud: expected one of [ERROR, WARN, INFO, DEBUG, TRACE] (case-insensitive) "
                        + "but was 'loud'; expected LEVEL: " + description("log-level"),
                file + ":5: pnp = maybe: not true or false; expected true|false: " + description("pnp"),
                file + ":6: listen = pbx.example.com: " + listenProblem() + "; expected ADDRESS: "
                        + description("listen"),
                file + ":7: pnp-extensions = 300-200: " + extensionsProblem() + "; expected FIRST-LAST: "
                        + description("pnp-extensions"),
                file + ":8: data-dir cannot be set in the file in the data directory; expected it in a file given "
                        + "with --config, or --data-dir / SWITCHBOARD_DATA_DIR",
                "Switchboard did not run: correct the configuration file " + file + " (check it with 'switchboard "
                        + "config check " + file + "')");
    }

    @Test
    void refusesLinesThatAreNoSettingAndKeysSetTwice() throws IOException {
        Path file = conf("sip-port = 5070\nsip-port 5071\nsip-port = 5072\nhttp-port =\n");

        assertThat(run(Map.of(), "--data-dir", dataDir.toString())).isEqualTo(2);

        assertThat(runs).isEmpty();
        assertThat(err.toString().split("\n")).startsWith(
                file + ":2: 'sip-port 5071' is not a setting; expected 'key = value' with a key such as sip-port, "
                        + "or a comment starting with #",
                file + ":3: sip-port is set again; it was set on line 1, expected once",
                file + ":4: http-port has no value; expected 'key = value', or no line at all for the default");
    }

    @Test
    void aBrokenFileStopsTheAdminCommandsToo() throws IOException {
        conf("database-url = mysql://db\n");
        assertThat(run(Map.of(), "--data-dir", dataDir.toString(), "user", "list")).isEqualTo(2);
        assertThat(err.toString()).startsWith(dataDir.resolve("switchboard.conf") + ":1: database-url = mysql://db: ");
    }

    @Test
    void configCheckValidatesAFileWithoutStartingAnything(@TempDir Path elsewhere) throws IOException {
        Path good = Files.writeString(elsewhere.resolve("good.conf"), "sip-port = 5070\ntransports = udp\n");
        assertThat(run(Map.of(), "config", "check", good.toString())).isZero();
        assertThat(out.toString()).isEqualTo(good + ": OK, 2 settings\n");

        Path bad = conf("sip-port = 0\n");
        assertThat(run(Map.of(), "config", "check", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(bad + ":1: sip-port = 0: port 0 is not between 1 and 65535; expected PORT");
        assertThat(runs).isEmpty();
    }

    @Test
    void theTemplateListsEverySettingAtItsDefaultAndIsValidUncommented() throws IOException {
        String template = ServerOptionModel.template();
        for (ServerOptionModel.Setting setting : ServerOptionModel.settings()) {
            assertThat(template).contains("\n# " + setting.key() + " ="
                    + (setting.defaultValue() == null ? "" : " " + setting.defaultValue()) + "\n");
            assertThat(template).contains(setting.variable());
        }
        StringBuilder uncommented = new StringBuilder();
        for (String line : template.split("\n")) {
            if (line.matches("# [a-z-]+ = .+") && !line.startsWith("# data-dir ")) {
                uncommented.append(line.substring(2)).append('\n');
            }
        }
        conf(uncommented.toString());
        assertThat(run(Map.of(), "--data-dir", dataDir.toString())).as(err.toString()).isZero();
        assertThat(runs.get(0).sipPort()).isEqualTo(5060);
    }

    @Test
    void aNewDataDirectoryGetsTheTemplateReadableByItsOwnerOnlyAndAnExistingFileIsKept() throws IOException {
        assertThat(ServerOptionModel.writeTemplateIfMissing(dataDir)).isTrue();
        Path file = dataDir.resolve("switchboard.conf");
        assertThat(file).hasContent(ServerOptionModel.template().stripTrailing());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.writeString(file, "sip-port = 5070\n");
        assertThat(ServerOptionModel.writeTemplateIfMissing(dataDir)).isFalse();
        assertThat(file).hasContent("sip-port = 5070");
    }

    private static String keys() {
        return String.join(", ", ServerOptionModel.settings().stream().map(ServerOptionModel.Setting::key).toList());
    }

    private static String description(String key) {
        return ServerOptionModel.byKey(key).orElseThrow().description();
    }

    /** What the command line says of the same value, so that the file's message is the flag's. */
    private static String listenProblem() {
        return flagProblem("--listen=pbx.example.com");
    }

    private static String extensionsProblem() {
        ServerOptions options = new ServerOptions();
        new picocli.CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--pnp-extensions=300-200");
        try {
            options.toConfig();
            throw new AssertionError("300-200 was taken");
        } catch (IllegalArgumentException e) {
            return e.getMessage().replaceFirst("^--pnp-extensions: ", "");
        }
    }

    private static String flagProblem(String arg) {
        try {
            new picocli.CommandLine(new ServerOptions()).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(arg);
            throw new AssertionError(arg + " was taken");
        } catch (picocli.CommandLine.ParameterException e) {
            return e.getMessage().replaceFirst("^Invalid value for option '--[a-z-]+'( \\([A-Z-]+\\))?: ", "");
        }
    }
}
