package org.switchboard.server.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an ordered list of {@link Lifecycle} parts and stops them in reverse order. A server is
 * started at most once. Thread-safe: {@link #start()} and {@link #stop()} may be called from
 * different threads (for example {@code stop} from a JVM shutdown hook) and are serialised; {@link
 * #awaitStopped} may be called from any number of threads.
 */
public final class Server {
    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private final List<Lifecycle> components;
    private final Deque<Lifecycle> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean startCalled;
    private boolean running;

    /** @param components the parts in start order */
    public Server(List<Lifecycle> components) {
        this.components = List.copyOf(components);
    }

    /**
     * Starts every part in order. If one fails, the parts already started are stopped in reverse
     * order and the server counts as stopped. If {@link #stop()} came first, nothing is started.
     *
     * @throws StartupException naming the part that failed and why
     * @throws IllegalStateException if called more than once
     */
    public synchronized void start() throws StartupException {
        if (startCalled) {
            throw new IllegalStateException("server already started");
        }
        startCalled = true;
        if (stopped.getCount() == 0) {
            log.info("Stop requested before start; not starting");
            return;
        }
        for (Lifecycle component : components) {
            try {
                component.start();
            } catch (Exception e) {
                log.debug("Start of {} failed", component.name(), e);
                stopStarted();
                stopped.countDown();
                throw new StartupException(component, e);
            }
            started.push(component);
            log.info("Started {}", component.name());
        }
        running = true;
    }

    /**
     * Stops the started parts in reverse order and logs {@code Switchboard stopped}. Does nothing
     * if the server is already stopped or was never started. A part that throws while stopping is
     * logged and the others are still stopped.
     */
    public synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (running) {
            running = false;
            stopStarted();
            log.info("Switchboard stopped");
        }
        stopped.countDown();
    }

    /**
     * Waits until the server is stopped.
     *
     * @return {@code true} if it stopped, {@code false} if the timeout passed first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /**
     * Waits without limit until the server is stopped; meant for the main thread of a running
     * server.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void stopStarted() {
        while (!started.isEmpty()) {
            Lifecycle component = started.pop();
            try {
                component.stop();
                log.info("Stopped {}", component.name());
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed: {}", component.name(), e.toString(), e);
            }
        }
    }
}
