package org.switchboard.server.cli;

import java.util.concurrent.Callable;
import org.switchboard.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard run}: runs the server in the foreground until it is stopped. Executed once
 * by picocli on the command-line thread.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the server in the foreground until Ctrl-C or SIGTERM.")
public final class RunCommand implements Callable<Integer> {

    private final ServerRunner runner;

    @Mixin
    private ServerOptions options;

    @Spec
    private CommandSpec spec;

    /** @param runner what runs the server once the options are valid */
    public RunCommand(ServerRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs the server. Options given before {@code run} (to the top command) are refused rather
     * than silently ignored.
     */
    @Override
    public Integer call() {
        CommandLine parent = spec.commandLine().getParent();
        if (parent != null && !parent.getParseResult().matchedOptions().isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "options go after 'run' (switchboard run --sip-port=5070) or without 'run' "
                            + "(switchboard --sip-port=5070), not before it");
        }
        return runServer(spec.commandLine(), options, runner);
    }

    /**
     * Builds the configuration from the options and runs the server with it; invalid values become
     * a {@link ParameterException}, which picocli reports as a one-line error with the usage.
     */
    static int runServer(CommandLine commandLine, ServerOptions options, ServerRunner runner) {
        ServerConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage(), e);
        }
        try {
            return runner.run(config);
        } catch (InvalidConfigurationException e) {
            throw new ParameterException(commandLine, e.getMessage(), e);
        }
    }
}
