package org.switchboard.server.cli;

import java.util.Map;
import org.switchboard.server.admin.AdminCommands;
import org.switchboard.server.backup.BackupCommand;
import org.switchboard.server.backup.RestoreCommand;
import picocli.CommandLine;

/**
 * Assembles the {@code switchboard} command line: the top command, its subcommands, environment
 * defaults and parsing rules. New subcommands (domains, users, devices) are registered here. Each
 * call returns a new, independent {@link CommandLine} for use on one thread.
 */
public final class SwitchboardCli {

    private SwitchboardCli() {
    }

    /**
     * @param environment environment variables for option defaults, e.g. {@link System#getenv()}
     * @param runner what runs the server for {@code switchboard} and {@code switchboard run}
     * @return the command line, ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine create(Map<String, String> environment, ServerRunner runner) {
        return create(environment, runner, Map.of());
    }

    /**
     * @param environment environment variables for option defaults, e.g. {@link System#getenv()}
     * @param runner what runs the server for {@code switchboard} and {@code switchboard run}
     * @param file the bootstrap file's checked values by flag, defaults where no variable is set
     * @return the command line, ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine create(Map<String, String> environment, ServerRunner runner, Map<String, String> file) {
        CommandLine commandLine = new CommandLine(new SwitchboardCommand(runner));
        commandLine.addSubcommand(new RunCommand(runner));
        AdminCommands.addTo(commandLine);
        commandLine.getSubcommands().get("device").addSubcommand(new DeviceUrlCommand());
        commandLine.addSubcommand(new ConfigCommand());
        commandLine.addSubcommand(new BackupCommand(VersionProvider.current()));
        commandLine.addSubcommand(new RestoreCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setDefaultValueProvider(new LayeredDefaultProvider(new EnvironmentDefaultProvider(environment), file));
        return commandLine;
    }
}
