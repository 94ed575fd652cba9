package org.switchboard.server.admin;

import java.nio.file.Path;
import java.util.List;
import org.switchboard.server.data.Storage;
import org.switchboard.store.DatabaseSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code --data-dir} option shared by the admin commands, with the database options {@code
 * --database-url}, {@code --database-user} and {@code --database-password} for a database outside the
 * data directory (PostgreSQL). Each may also be given before the command, to the top command
 * ({@code switchboard --data-dir /srv/sb user list}); the one nearest the command wins, then its
 * {@code $SWITCHBOARD_*} variable, then the default ({@code ./data}, the embedded database).
 */
public final class DataDirOption {
    /** The environment variable that sets the data directory when the option is absent. */
    public static final String ENV = "SWITCHBOARD_DATA_DIR";
    private static final String NAME = "--data-dir";
    private static final String URL = "--database-url";
    private static final String USER = "--database-user";
    private static final String PASSWORD = "--database-password";
    /** The options that may come before the command. */
    private static final List<String> NAMES = List.of(NAME, URL, USER, PASSWORD);

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = NAME, paramLabel = "DIR", defaultValue = "${env:" + ENV + ":-./data}",
            description = "Data directory of the server; may also come before the command "
                    + "(default: $" + ENV + ", else ./data).")
    Path dataDir;

    @Option(names = URL, paramLabel = "JDBC-URL", defaultValue = "${env:SWITCHBOARD_DATABASE_URL}",
            description = "The server's database when it is not the embedded one in the data directory, e.g. "
                    + "jdbc:postgresql://db.example.com/switchboard; may also come before the command "
                    + "(default: $SWITCHBOARD_DATABASE_URL, else the embedded database).")
    String databaseUrl;

    @Option(names = USER, paramLabel = "USER", defaultValue = "${env:SWITCHBOARD_DATABASE_USER}",
            description = "User of --database-url, unless given in the URL (default: $SWITCHBOARD_DATABASE_USER).")
    String databaseUser;

    @Option(names = PASSWORD, paramLabel = "PASSWORD", defaultValue = "${env:SWITCHBOARD_DATABASE_PASSWORD}",
            description = "Password of --database-url, unless given in the URL; prefer the variable, which other "
                    + "users cannot see in the process list (default: $SWITCHBOARD_DATABASE_PASSWORD).")
    String databasePassword;

    /**
     * The data directory given to this command or to one it belongs to, else the default.
     *
     * @throws ParameterException if an option other than these was given before the command (a
     *     server option, which an admin command would otherwise silently ignore)
     */
    public Path dataDir() {
        Object found = nearest(NAME, dataDir);
        return found instanceof Path p ? p : Path.of(found.toString());
    }

    /**
     * The database given to this command or to one it belongs to, else the embedded one.
     *
     * @throws ParameterException as {@link #dataDir()}, and if a user or password comes without a URL
     *     or the URL is not one of a supported database
     */
    public DatabaseSettings database() {
        String url = blankToNull(nearest(URL, databaseUrl));
        try {
            return new DatabaseSettings(url, blankToNull(nearest(USER, databaseUser)),
                    blankToNull(nearest(PASSWORD, databasePassword)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }

    /** Where the data of {@link #dataDir()} and {@link #database()} is. */
    public Storage storage() {
        return Storage.inDataDir(dataDir(), database());
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** The value of option {@code name} given nearest to this command, else {@code ownValue}. */
    private Object nearest(String name, Object ownValue) {
        Object found = null;
        for (CommandLine c = command.commandLine(); c != null; c = c.getParent()) {
            ParseResult parsed = c.getParseResult();
            if (parsed == null) {
                continue;
            }
            if (c != command.commandLine()) {
                for (OptionSpec option : parsed.matchedOptions()) {
                    if (!NAMES.contains(option.longestName())) {
                        throw new ParameterException(command.commandLine(), option.longestName()
                                + " is a server option and does nothing here; only " + String.join(", ", NAMES)
                                + " may come before '" + command.qualifiedName() + "'");
                    }
                }
            }
            if (found == null && parsed.hasMatchedOption(name)) {
                found = parsed.matchedOptionValue(name, ownValue);
            }
        }
        return found == null ? ownValue : found;
    }
}
