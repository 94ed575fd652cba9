package org.switchboard.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.server.config.ConfigFile;
import org.switchboard.server.config.ConfigFileException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The server's options as settings of the bootstrap file, read from {@link ServerOptions}' own
 * annotations, so that the file, its template, its check and the documentation's table cannot drift
 * from the command line: each option {@code --sip-port} is the key {@code sip-port}, with the
 * variable {@code SWITCHBOARD_SIP_PORT} and the same default and converter. Stateless.
 */
public final class ServerOptionModel {
    /** Options that only the command line and the environment set: where the file is. */
    static final List<String> NOT_IN_FILE = List.of(ServerOptions.CONFIG);
    private static final String DATA_DIR = "data-dir";

    /**
     * One setting.
     *
     * @param key its key in the file, e.g. {@code sip-port}
     * @param flag its command-line flag, e.g. {@code --sip-port}
     * @param variable its environment variable, e.g. {@code SWITCHBOARD_SIP_PORT}
     * @param defaultValue the built-in default as written, or {@code null} for none
     * @param label what the value is, e.g. {@code PORT}, or {@code true|false}
     * @param description what it does, without the variable and default the other fields give
     */
    public record Setting(String key, String flag, String variable, String defaultValue, String label,
            String description, boolean bool) {
    }

    private ServerOptionModel() {
    }

    /** Every setting, in the order {@code --help} lists the options. */
    public static List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        for (OptionSpec option : CommandSpec.forAnnotatedObject(new ServerOptions()).options()) {
            String flag = option.longestName();
            if (NOT_IN_FILE.contains(flag)) {
                continue;
            }
            boolean bool = option.typeInfo().getType() == boolean.class;
            settings.add(new Setting(flag.substring(2), flag, EnvironmentDefaultProvider.variableFor(flag),
                    option.defaultValue(), bool ? "true|false" : option.paramLabel(), description(option), bool));
        }
        return List.copyOf(settings);
    }

    /** The setting with this key. */
    public static Optional<Setting> byKey(String key) {
        return settings().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * The option's description as {@code --help} shows it, without its closing {@code (env ...;
     * default ...)}, which the file and the table give on their own.
     */
    private static String description(OptionSpec option) {
        String text = String.join(" ", option.description());
        int env = text.lastIndexOf(" (env SWITCHBOARD_");
        if (env > 0) {
            text = text.substring(0, env) + ".";
        }
        return text.replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()));
    }

    /**
     * Checks every setting of a file against the options: the key must name one, and the value must
     * be what the option takes on the command line (the same converters check it).
     *
     * @param inDataDirectory whether the file is the one in the data directory, which cannot move it
     * @return the values by flag, for {@link LayeredDefaultProvider}
     * @throws ConfigFileException listing every bad setting with its file, line and what was expected
     */
    public static Map<String, String> check(ConfigFile file, boolean inDataDirectory) throws ConfigFileException {
        Map<String, String> byFlag = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ConfigFile.Entry entry : file.entries().values()) {
            String at = ConfigFile.at(file.file(), entry.line());
            Optional<Setting> setting = byKey(entry.key());
            if (setting.isEmpty()) {
                problems.add(at + "unknown key '" + entry.key() + "'; expected one of " + keys());
                continue;
            }
            if (inDataDirectory && entry.key().equals(DATA_DIR)) {
                problems.add(at + "data-dir cannot be set in the file in the data directory; expected it in a file "
                        + "given with --config, or --data-dir / SWITCHBOARD_DATA_DIR");
                continue;
            }
            String problem = problem(setting.get(), entry.value());
            if (problem != null) {
                problems.add(at + entry.key() + " = " + entry.value() + ": " + problem + "; expected "
                        + setting.get().label() + ": " + setting.get().description());
                continue;
            }
            byFlag.put(setting.get().flag(), entry.value());
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return byFlag;
    }

    /** What is wrong with the value, in picocli's or the configuration's words, or {@code null}. */
    private static String problem(Setting setting, String value) {
        if (setting.bool()) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "not true or false";
        }
        ServerOptions options = new ServerOptions();
        CommandLine line = new CommandLine(options);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            line.parseArgs(setting.flag() + "=" + value);
            options.toConfig();
            return null;
        } catch (ParameterException e) {
            return e.getMessage().replaceFirst("^Invalid value for option '--[a-z-]+'( \\([A-Z-]+\\))?: ", "");
        } catch (IllegalArgumentException e) {
            return e.getMessage().replaceFirst("^--[a-z-]+: ", "");
        }
    }

    private static String keys() {
        return String.join(", ", settings().stream().map(Setting::key).toList());
    }

    /**
     * The file written into a new data directory: every setting commented out with its default, so
     * that it documents itself and changes nothing until a line is uncommented.
     */
    public static String template() {
        StringBuilder text = new StringBuilder()
                .append("# Switchboard bootstrap configuration.\n")
                .append("#\n")
                .append("# One setting per line, 'key = value', with values written as on the command line.\n")
                .append("# A command-line flag wins over an environment variable, which wins over this file,\n")
                .append("# which wins over the built-in default shown in each commented line below.\n")
                .append("# Lines starting with # are comments. Unknown keys and bad values stop the server\n")
                .append("# with the line that is wrong; check the file with 'switchboard config check'.\n")
                .append("# Changes apply at the next start.\n");
        for (Setting setting : settings()) {
            text.append("\n# ").append(setting.description()).append('\n')
                    .append("# Flag ").append(setting.flag()).append(", variable ").append(setting.variable())
                    .append(".\n")
                    .append("# ").append(setting.key()).append(" =")
                    .append(setting.defaultValue() == null ? "" : " " + setting.defaultValue()).append('\n');
        }
        return text.toString();
    }

    /**
     * The configuration reference, docs/configuration.md: every setting with its key, flag, variable,
     * default and when a change applies, as markdown. A test checks the committed file equals it.
     */
    public static String reference() {
        StringBuilder text = new StringBuilder()
                .append("# Configuration reference\n\n")
                .append("<!-- Generated by 'switchboard config reference' from the server's options; a test checks that "
                        + "this file equals its output. Edit the options, not this file. -->\n\n")
                .append("Every setting of the server. Each is a command-line flag, an environment variable and a key of ")
                .append("the bootstrap file `").append(ConfigFile.NAME).append("` in the data directory (or the file ")
                .append("`--config` / `SWITCHBOARD_CONFIG` names, which only the flag and the variable set). A flag wins ")
                .append("over a variable, which wins over the file, which wins over the default. All of them apply at ")
                .append("the next start; `switchboard config check` checks a file without starting. The live settings ")
                .append("(proxy timers, registration times, NAT) are kept in the database instead and change without a ")
                .append("restart: `switchboard settings list` shows them (see [running.md](running.md#live-settings)).\n\n")
                .append("| Key | Flag | Variable | Default | Applies | What it does |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (Setting setting : settings()) {
            text.append("| `").append(setting.key()).append("` | `").append(setting.flag())
                    .append(setting.bool() ? "" : "=" + setting.label()).append("` | `").append(setting.variable())
                    .append("` | ").append(setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`")
                    .append(" | next start | ").append(setting.description().replace("|", "\\|")).append(" |\n");
        }
        return text.toString();
    }

    /**
     * Writes {@link #template()} into the data directory, readable by its owner only, unless a
     * bootstrap file is there already. Blocks (file system).
     *
     * @return whether it wrote one
     */
    public static boolean writeTemplateIfMissing(Path dataDir) throws IOException {
        Path file = inDataDirectory(dataDir);
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createFile(file, PrivateFiles.ownerOnlyFile(dataDir));
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Files.writeString(file, template(), StandardCharsets.UTF_8);
        return true;
    }

    /** The bootstrap file in a data directory. */
    public static Path inDataDirectory(Path dataDir) {
        return dataDir.resolve(ConfigFile.NAME);
    }
}
