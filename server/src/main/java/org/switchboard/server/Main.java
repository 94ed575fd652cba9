package org.switchboard.server;

import org.switchboard.server.cli.SwitchboardCli;

/** The entry point of {@code switchboard.jar}. Runs on the JVM's main thread. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the {@code switchboard} command line and exits with its exit code: 0 after a clean
     * stop, 1 if the server could not start, 2 for bad flags or settings.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        int exitCode = SwitchboardCli.create(System.getenv(), new ServerLauncher()).execute(args);
        System.exit(exitCode);
    }
}
