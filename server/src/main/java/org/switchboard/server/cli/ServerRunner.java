package org.switchboard.server.cli;

import org.switchboard.server.config.ServerConfig;

/**
 * Runs a server with a configuration until it stops. Called once, on the thread that executes the
 * command line.
 */
@FunctionalInterface
public interface ServerRunner {

    /**
     * Runs the server and blocks until it has stopped.
     *
     * @param config the validated configuration
     * @return the process exit code: 0 after a clean stop, 1 if the server could not start
     * @throws InvalidConfigurationException if a configured value proves unusable before anything
     *     is started, such as a data directory that cannot be created
     */
    int run(ServerConfig config) throws InvalidConfigurationException;
}
