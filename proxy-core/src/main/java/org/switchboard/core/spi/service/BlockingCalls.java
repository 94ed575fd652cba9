package org.switchboard.core.spi.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs blocking work (database) for a service that returns a {@link java.util.concurrent.CompletionStage}:
 * on a bounded executor, with a saturated executor's rejection reported through the stage instead of
 * thrown at the caller, who may be on an event loop. Stateless.
 */
public final class BlockingCalls {

    private BlockingCalls() {
    }

    /** {@code work} on {@code executor}; the future completes with its result or failure, or the rejection. */
    public static <T> CompletableFuture<T> supply(Executor executor, Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
