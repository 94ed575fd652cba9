package org.switchboard.core.transaction;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link Shard} over a single-threaded {@link ScheduledExecutorService}. A Netty event loop is
 * one: the server passes the loop and its {@code inEventLoop} method, which keeps Netty out of this
 * package.
 *
 * <p>Thread-safe as far as the executor is.
 */
public final class ExecutorShard implements Shard {
    private final ScheduledExecutorService executor;
    private final BooleanSupplier inExecutorThread;

    /**
     * @param executor a single-threaded scheduled executor
     * @param inExecutorThread tells whether the calling thread is the executor's thread
     */
    public ExecutorShard(ScheduledExecutorService executor, BooleanSupplier inExecutorThread) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.inExecutorThread = Objects.requireNonNull(inExecutorThread, "inExecutorThread");
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public TimerHandle schedule(Runnable task, long delayMillis) {
        ScheduledFuture<?> future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public boolean inShard() {
        return inExecutorThread.getAsBoolean();
    }
}
