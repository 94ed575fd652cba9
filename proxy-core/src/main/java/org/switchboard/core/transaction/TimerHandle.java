package org.switchboard.core.transaction;

/**
 * A scheduled task that can still be called off. Cancelling a task that already ran, or was
 * already cancelled, does nothing. Call {@link #cancel()} on the shard that scheduled it.
 */
@FunctionalInterface
public interface TimerHandle {

    /** Stops the task from running if it has not run yet. */
    void cancel();
}
