package org.switchboard.core.spi.event;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Delivers {@link SwitchboardEvent}s from their publishers (the proxy, the registrar, the
 * brute-force guard) to listeners.
 *
 * <p>Threading: thread-safe. {@link #publish} never blocks and may be called on an event loop:
 * each listener has a bounded queue drained on the executor it chose; an event that finds a
 * listener's queue full (a slow listener) is dropped for that listener, counted and logged. A
 * listener is called for one event at a time, in publishing order per publishing thread. A listener
 * that never blocks and is quick may choose {@code Runnable::run}; it then runs on the publisher's
 * thread.
 */
public interface EventBus {

    /** Hands {@code event} to every listener subscribed to its type; never blocks. */
    void publish(SwitchboardEvent event);

    /**
     * Calls {@code listener} on {@code executor} with every published event of {@code type} (a record
     * of {@link SwitchboardEvent}, or the interface itself for all). A listener that throws is
     * logged; it stays subscribed.
     *
     * @return closes the subscription
     */
    <E extends SwitchboardEvent> Subscription subscribe(Class<E> type, Executor executor,
            Consumer<? super E> listener);

    /** Whether anyone listens to {@code type}, so a publisher can skip building an event. */
    boolean hasListeners(Class<? extends SwitchboardEvent> type);

    /** A listener's subscription; closing it stops deliveries (events already queued may still come). */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
