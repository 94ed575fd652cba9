package org.switchboard.testkit.server;

/**
 * Starts a real Switchboard server for {@link SwitchboardServer}. The test kit cannot depend on the
 * server module (the server's own tests use the kit), so the server module implements this
 * interface in its test sources and registers it under {@code
 * META-INF/services/org.switchboard.testkit.server.ServerLauncher}; the extension finds it with
 * {@link java.util.ServiceLoader}. Implementations are stateless and thread-safe.
 */
public interface ServerLauncher {
    /**
     * Creates the set-up's domains and users in its data directory, then starts a server listening
     * on its address and ports, and returns once the server takes requests.
     *
     * @throws Exception if the server does not start; the extension fails the test with it
     */
    RunningServer start(ServerSetup setup) throws Exception;
}
