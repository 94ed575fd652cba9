package org.switchboard.server.lifecycle;

/**
 * A part of the server that is started once and stopped once, such as the data directory lock or
 * the SIP stack. {@link Server} calls {@link #start()} and {@link #stop()} from one thread at a
 * time, never both at once; an implementation needs no locking for its own lifecycle state.
 */
public interface Lifecycle {

    /** A short name for logs, saying what this part is, e.g. {@code data directory lock /srv/data}. */
    String name();

    /**
     * Starts this part. On failure, throws an exception whose message tells an admin what failed
     * and why in one line (for example which address and port could not be bound), and leaves
     * nothing running.
     *
     * @throws Exception if this part cannot start
     */
    void start() throws Exception;

    /**
     * Stops this part and releases what it holds. Called only after a successful {@link #start()};
     * must not throw for ordinary shutdown problems but log them.
     */
    void stop();
}
