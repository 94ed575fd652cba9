package org.switchboard.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top command, {@code switchboard}. Without a subcommand it runs the server, exactly like
 * {@code switchboard run}; subcommands are registered by {@link SwitchboardCli}. Executed once by
 * picocli on the command-line thread.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Switchboard SIP proxy, registrar and softswitch.",
            "Without a command, runs the server (same as 'switchboard run')."})
public final class SwitchboardCommand implements Callable<Integer> {

    private final ServerRunner runner;

    @Mixin
    private ServerOptions options;

    @Spec
    private CommandSpec spec;

    /** @param runner what runs the server once the options are valid */
    public SwitchboardCommand(ServerRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        return RunCommand.runServer(spec.commandLine(), options, runner);
    }
}
