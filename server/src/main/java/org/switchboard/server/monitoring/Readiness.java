package org.switchboard.server.monitoring;

import org.switchboard.server.lifecycle.Lifecycle;

/**
 * Whether the server takes traffic, as a part of the server: the last part to start and so the first
 * to stop, it is ready only between the end of start-up and the beginning of shutdown. Read by
 * {@link HealthHandler}; thread-safe.
 */
public final class Readiness implements Lifecycle {
    /** What the server is doing, as {@code /health} reports it. */
    public enum State {
        STARTING, READY, STOPPING
    }

    private volatile State state = State.STARTING;

    @Override
    public String name() {
        return "readiness: ready for traffic";
    }

    @Override
    public void start() {
        state = State.READY;
    }

    @Override
    public void stop() {
        state = State.STOPPING;
    }

    public State state() {
        return state;
    }
}
