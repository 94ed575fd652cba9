package org.switchboard.server;

import java.io.PrintWriter;
import org.switchboard.server.cli.Bootstrap;

/** The entry point of {@code switchboard.jar}. Runs on the JVM's main thread. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the {@code switchboard} command line and exits with its exit code: 0 after a clean
     * stop, 1 if the server could not start, 2 for bad flags, variables or settings in the bootstrap file.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        int exitCode = Bootstrap.run(args, System.getenv(), new ServerLauncher(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(exitCode);
    }
}
