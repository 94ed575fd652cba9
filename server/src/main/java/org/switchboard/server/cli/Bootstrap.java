package org.switchboard.server.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.switchboard.server.config.ConfigFile;
import org.switchboard.server.config.ConfigFileException;
import picocli.CommandLine;

/**
 * Runs the {@code switchboard} command line with its bootstrap file: finds the file before the
 * options are parsed (its values are the options' defaults), checks it, and refuses to run any
 * command with a file that has an unknown key or a bad value, naming the file and line. The file is
 * {@code --config FILE} if given, else {@code $SWITCHBOARD_CONFIG}, else {@code switchboard.conf} in
 * the data directory ({@code --data-dir}, else {@code $SWITCHBOARD_DATA_DIR}, else {@code ./data}),
 * where a missing file is no error. {@code switchboard config} reads files itself and so runs
 * whatever the file holds. Used once, on the command-line thread.
 */
public final class Bootstrap {
    static final String CONFIG_VARIABLE = "SWITCHBOARD_CONFIG";
    private static final String DATA_DIR = "--data-dir";
    private static final String DATA_DIR_VARIABLE = "SWITCHBOARD_DATA_DIR";
    private static final String DEFAULT_DATA_DIR = "./data";
    /** Exit code for bad flags, variables or settings, as picocli's. */
    private static final int BAD_SETTINGS = 2;

    private Bootstrap() {
    }

    /**
     * Runs the command line.
     *
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> environment, ServerRunner runner, PrintWriter out,
            PrintWriter err) {
        if (args.length > 0 && args[0].equals(ConfigCommand.NAME)) {
            return execute(args, environment, runner, Map.of(), out, err);
        }
        String given = flag(args, ServerOptions.CONFIG);
        if (given == null) {
            given = blankToNull(environment.get(CONFIG_VARIABLE));
        }
        Path file;
        if (given != null) {
            file = Path.of(given);
            if (!Files.isRegularFile(file)) {
                err.println("Configuration file " + file + " does not exist or is not a file (given by "
                        + (flag(args, ServerOptions.CONFIG) != null ? ServerOptions.CONFIG : CONFIG_VARIABLE) + ")");
                err.flush();
                return BAD_SETTINGS;
            }
        } else {
            String dataDir = flag(args, DATA_DIR);
            if (dataDir == null) {
                dataDir = blankToNull(environment.get(DATA_DIR_VARIABLE));
            }
            file = ServerOptionModel.inDataDirectory(Path.of(dataDir == null ? DEFAULT_DATA_DIR : dataDir));
        }
        Map<String, String> values = Map.of();
        if (Files.exists(file)) {
            try {
                values = ServerOptionModel.check(ConfigFile.read(file), given == null);
            } catch (ConfigFileException e) {
                e.problems().forEach(err::println);
                err.println("Switchboard did not run: correct the configuration file " + file
                        + " (check it with 'switchboard config check " + file + "')");
                err.flush();
                return BAD_SETTINGS;
            }
        }
        return execute(args, environment, runner, values, out, err);
    }

    private static int execute(String[] args, Map<String, String> environment, ServerRunner runner,
            Map<String, String> file, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = SwitchboardCli.create(environment, runner, file);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * The value of the last {@code name VALUE} or {@code name=VALUE} in the arguments (the one nearest
     * the command, as the admin commands read {@code --data-dir}), or {@code null}.
     */
    static String flag(String[] args, String name) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith(name + "=")) {
                value = args[i].substring(name.length() + 1);
            }
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
