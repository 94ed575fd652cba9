package org.switchboard.core.spi.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of named threads with a bounded queue for blocking work (database, files). Work is
 * handed in with {@link #submit} and its outcome comes back as a {@link CompletableFuture}; the
 * caller posts it back to its event loop.
 *
 * <p>When the queue is full the work is not run and the future fails at once with {@link
 * RejectedExecutionException}: overload is reported, never absorbed by an unbounded queue or by
 * running on the caller's thread. {@link #submit} never blocks and may be called from an event loop;
 * {@link #close} blocks. Thread-safe.
 */
public final class BlockingExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockingExecutor.class);

    private final String name;
    private final ThreadPoolExecutor pool;
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param name prefix of the thread names, e.g. {@code db} gives {@code db-1}, {@code db-2}
     * @param threads how many tasks run at once
     * @param queueCapacity how many tasks may wait
     */
    public BlockingExecutor(String name, int threads, int queueCapacity) {
        this.name = name;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), namedThreads(name), new ThreadPoolExecutor.AbortPolicy());
    }

    private static ThreadFactory namedThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, name + '-' + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code work} on one of the threads; the future completes with its result or exception. */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    future.complete(work.call());
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            long count = rejected.incrementAndGet();
            LOG.debug("{} executor rejected a task: queue full or shut down ({} rejected so far)", name, count);
            future.completeExceptionally(e);
        }
        return future;
    }

    /** How many tasks were rejected since start, for metrics. */
    public long rejectedCount() {
        return rejected.get();
    }

    /** Stops accepting work and waits up to 10 seconds for queued work to finish. Blocks. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{} executor: {} tasks still running after 10 s at shutdown", name, pool.getActiveCount());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
