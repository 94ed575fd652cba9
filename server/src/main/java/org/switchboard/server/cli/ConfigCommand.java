package org.switchboard.server.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.switchboard.server.config.ConfigFile;
import org.switchboard.server.config.ConfigFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard config}: the bootstrap file. {@code config check [FILE]} checks a file as the
 * server would at start, without starting anything: exit code 0 and {@code OK} if the server would
 * take it, else every problem with its line and exit code 2. {@code config template} prints the
 * commented file a new data directory gets; {@code config reference} the markdown reference of every
 * setting, docs/configuration.md. Executed once by picocli on the command-line thread.
 */
@Command(name = ConfigCommand.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check or print the bootstrap file, switchboard.conf.")
public final class ConfigCommand {
    static final String NAME = "config";

    @Spec
    private CommandSpec spec;

    /** {@code config check [FILE]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a bootstrap file without starting the server (default: switchboard.conf in the "
                    + "data directory).")
    int check(@Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to check.") Path file,
            @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:SWITCHBOARD_DATA_DIR:-./data}",
                    description = "Data directory whose switchboard.conf to check when no FILE is given "
                            + "(default: $SWITCHBOARD_DATA_DIR, else ./data).") Path dataDir) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean inDataDirectory = file == null;
        Path checked = inDataDirectory ? ServerOptionModel.inDataDirectory(dataDir) : file;
        if (!Files.isRegularFile(checked)) {
            err.println(checked + ": no such file");
            return 2;
        }
        try {
            int settings = ServerOptionModel.check(ConfigFile.read(checked), inDataDirectory).size();
            out.println(checked + ": OK, " + settings + (settings == 1 ? " setting" : " settings"));
            return 0;
        } catch (ConfigFileException e) {
            e.problems().forEach(err::println);
            return 2;
        }
    }

    /** {@code config reference}. */
    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Print the configuration reference in markdown: every setting's key, flag, variable and "
                    + "default (docs/configuration.md).")
    int reference() {
        spec.commandLine().getOut().print(ServerOptionModel.reference());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code config template}. */
    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "Print the commented bootstrap file a new data directory gets, every setting at its default.")
    int template() {
        spec.commandLine().getOut().print(ServerOptionModel.template());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
