package org.switchboard.testkit.server;

/** A server a {@link ServerLauncher} started. Called from the test's thread. */
public interface RunningServer extends AutoCloseable {
    /** Adds a SIP domain while the server runs. */
    void addDomain(String domain);

    /** Adds a user with a password while the server runs; the domain must exist. */
    void addUser(String domain, String user, String password);

    /** Stops the server and waits until it has let go of its ports and data directory. */
    @Override
    void close();
}
