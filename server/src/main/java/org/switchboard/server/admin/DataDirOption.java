package org.switchboard.server.admin;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code --data-dir} option shared by the admin commands. It may also be given before the
 * command, to the top command ({@code switchboard --data-dir /srv/sb user list}); the one nearest the
 * command wins, then {@code $SWITCHBOARD_DATA_DIR}, then {@code ./data}.
 */
public final class DataDirOption {
    /** The environment variable that sets the data directory when the option is absent. */
    public static final String ENV = "SWITCHBOARD_DATA_DIR";
    private static final String NAME = "--data-dir";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = NAME, paramLabel = "DIR", defaultValue = "${env:" + ENV + ":-./data}",
            description = "Data directory of the server; may also come before the command "
                    + "(default: $" + ENV + ", else ./data).")
    Path dataDir;

    /**
     * The data directory given to this command or to one it belongs to, else the default.
     *
     * @throws ParameterException if an option other than {@code --data-dir} was given before the
     *     command (a server option, which an admin command would otherwise silently ignore)
     */
    public Path dataDir() {
        Path found = null;
        for (CommandLine c = command.commandLine(); c != null; c = c.getParent()) {
            ParseResult parsed = c.getParseResult();
            if (parsed == null) {
                continue;
            }
            if (c != command.commandLine()) {
                for (OptionSpec option : parsed.matchedOptions()) {
                    if (!option.longestName().equals(NAME)) {
                        throw new ParameterException(command.commandLine(), option.longestName()
                                + " is a server option and does nothing here; only " + NAME + " may come before '"
                                + command.qualifiedName() + "'");
                    }
                }
            }
            if (found == null && parsed.hasMatchedOption(NAME)) {
                Object value = parsed.matchedOptionValue(NAME, dataDir);
                found = value instanceof Path p ? p : Path.of(value.toString());
            }
        }
        return found == null ? dataDir : found;
    }
}
