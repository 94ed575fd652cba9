package org.switchboard.server.plugin;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executors plugins share: one scheduler thread for timed work that does not block, and a
 * bounded pool for blocking work (threads and queue bounded; a full pool rejects). Daemon threads,
 * shut down when the plugins have stopped. Thread-safe.
 */
final class PluginExecutors {
    private static final int BLOCKING_THREADS = 8;
    private static final int BLOCKING_QUEUE = 1000;
    private static final long KEEP_ALIVE_SECONDS = 60;
    private static final long SHUTDOWN_SECONDS = 5;

    private final ScheduledThreadPoolExecutor scheduler =
            new ScheduledThreadPoolExecutor(1, daemonThreads("plugin-scheduler"));
    private final ThreadPoolExecutor blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS,
            KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BLOCKING_QUEUE),
            daemonThreads("plugin-blocking"));

    PluginExecutors() {
        blocking.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService blocking() {
        return blocking;
    }

    /** Stops accepting work and waits a few seconds for running tasks. */
    void shutdown() throws InterruptedException {
        scheduler.shutdownNow();
        blocking.shutdown();
        blocking.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
