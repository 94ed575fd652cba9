package org.switchboard.core.spi.event;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;

/**
 * The {@link EventBus}: one bounded queue per listener, drained by one task at a time on the
 * listener's executor, so a slow listener loses its own events (counted, and logged through a
 * {@link RateLimitedLog}) but never holds up a publisher or another listener.
 *
 * <p>Threading: thread-safe and lock-free on {@link #publish}; with no listener for an event's type
 * publishing costs one pass over the subscriptions.
 */
public final class QueuedEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedEventBus.class);
    /** Events a listener may fall behind by before its events are dropped. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

    private final int capacity;
    private final CopyOnWriteArrayList<Listener<?>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final RateLimitedLog droppedLog = RateLimitedLog.of(LOG, RateLimitedLog.Level.WARN,
            "Events dropped, a listener is too slow", Duration.ofSeconds(60));

    public QueuedEventBus() {
        this(DEFAULT_QUEUE_CAPACITY);
    }

    /** @param capacity how many events each listener may fall behind by */
    public QueuedEventBus(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void publish(SwitchboardEvent event) {
        Objects.requireNonNull(event, "event");
        for (Listener<?> listener : listeners) {
            listener.offer(event);
        }
    }

    @Override
    public <E extends SwitchboardEvent> Subscription subscribe(Class<E> type, Executor executor,
            Consumer<? super E> consumer) {
        Listener<E> listener = new Listener<>(type, executor, consumer);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean hasListeners(Class<? extends SwitchboardEvent> type) {
        for (Listener<?> listener : listeners) {
            if (listener.type.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /** Events dropped since start because a listener's queue was full or its executor refused. */
    public long dropped() {
        return dropped.get();
    }

    private final class Listener<E extends SwitchboardEvent> implements Runnable {
        final Class<E> type;
        final Executor executor;
        final Consumer<? super E> consumer;
        final Queue<SwitchboardEvent> queue = new ArrayBlockingQueue<>(capacity);
        final AtomicBoolean draining = new AtomicBoolean();

        Listener(Class<E> type, Executor executor, Consumer<? super E> consumer) {
            this.type = Objects.requireNonNull(type, "type");
            this.executor = Objects.requireNonNull(executor, "executor");
            this.consumer = Objects.requireNonNull(consumer, "consumer");
        }

        void offer(SwitchboardEvent event) {
            if (!type.isInstance(event)) {
                return;
            }
            if (!queue.offer(event)) {
                drop(event, "its queue of " + capacity + " is full");
                return;
            }
            scheduleDrain();
        }

        private void scheduleDrain() {
            if (!draining.compareAndSet(false, true)) {
                return; // the running drain takes the event
            }
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                SwitchboardEvent lost;
                while ((lost = queue.poll()) != null) {
                    drop(lost, "its executor refused the delivery");
                }
            }
        }

        @Override
        public void run() {
            SwitchboardEvent event;
            while ((event = queue.poll()) != null) {
                try {
                    consumer.accept(type.cast(event));
                } catch (RuntimeException e) {
                    LOG.error("Event listener {} failed on {}", consumer.getClass().getName(), event, e);
                }
            }
            draining.set(false);
            // an event offered after the last poll but before the flag was cleared is not left behind
            if (!queue.isEmpty()) {
                scheduleDrain();
            }
        }

        private void drop(SwitchboardEvent event, String why) {
            dropped.incrementAndGet();
            droppedLog.occurred(() -> event.getClass().getSimpleName() + " for " + consumer.getClass().getName()
                    + ": " + why);
        }
    }
}
