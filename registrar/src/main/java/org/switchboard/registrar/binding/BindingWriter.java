package org.switchboard.registrar.binding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.registrar.binding.RegistrationOutcome.Status;

/**
 * The one writer of bindings: a single thread drains a bounded queue of changes, works out each
 * change against the committed bindings plus the changes before it in the same batch ({@link
 * BindingRules}), writes the whole batch in one commit ({@link BindingStore#apply}), and only then
 * publishes the new bindings to the {@link InMemoryLocationService} and completes the callers'
 * futures. Many concurrent REGISTERs thus cost one commit, a 200 is sent only for a durable binding
 * (RFC 3261 §10.3 step 7: all or none), and a failed commit leaves memory untouched because nothing
 * was published yet.
 *
 * <p>A future fails with {@link RejectedExecutionException} when the queue is full or the writer is
 * closed (answer 503), and with the store's exception when the commit fails (answer 500).
 *
 * <p><b>Threading:</b> {@link #register}, {@link #removeAll} and {@link #purgeExpired} never block
 * and may be called from any thread; futures complete on the writer thread. {@link #close} blocks
 * until the queued changes are written.
 */
public final class BindingWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BindingWriter.class);
    private static final int MAX_BATCH = 1000;

    private record Job(Function<Working, RegistrationOutcome> change, CompletableFuture<RegistrationOutcome> done) {
    }

    private final InMemoryLocationService location;
    private final BindingStore store;
    private final Clock clock;
    private final int maxBindingsPerAor;
    private final BlockingQueue<Job> queue;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param maxBindingsPerAor the most live bindings one address-of-record may have, to bound memory
     * @param queueCapacity how many changes may wait for the writer
     */
    public BindingWriter(InMemoryLocationService location, BindingStore store, Clock clock, int maxBindingsPerAor,
            int queueCapacity) {
        this.location = location;
        this.store = store;
        this.clock = clock;
        this.maxBindingsPerAor = maxBindingsPerAor;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "binding-writer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Applies the contacts of one REGISTER to {@code aor} (see {@link BindingRules#register}). */
    public CompletableFuture<RegistrationOutcome> register(AddressOfRecord aor, List<Binding> contacts) {
        List<Binding> copy = List.copyOf(contacts);
        return submit(w -> w.change(aor, existing -> BindingRules.register(existing, copy, w.now, maxBindingsPerAor)));
    }

    /** Removes all bindings of {@code aor} (see {@link BindingRules#removeAll}). */
    public CompletableFuture<RegistrationOutcome> removeAll(AddressOfRecord aor, String callId, long cseq) {
        return submit(w -> w.change(aor, existing -> BindingRules.removeAll(existing, callId, cseq, w.now)));
    }

    /** Removes the live binding of {@code aor} with this key (see {@link BindingRules#removeKey}). */
    public CompletableFuture<RegistrationOutcome> remove(AddressOfRecord aor, String key) {
        return submit(w -> w.change(aor, existing -> BindingRules.removeKey(existing, key, w.now)));
    }

    /** Removes the bindings of {@code contactUri} under {@code aor} (see {@link BindingRules#removeContact}). */
    public CompletableFuture<RegistrationOutcome> removeContact(AddressOfRecord aor, String contactUri) {
        return submit(w -> w.change(aor, existing -> BindingRules.removeContact(existing, contactUri, w.now)));
    }

    /**
     * Deletes expired bindings from memory and store. The outcome lists the removed bindings in its
     * changes.
     */
    public CompletableFuture<RegistrationOutcome> purgeExpired() {
        return submit(w -> {
            List<Binding> expired = new ArrayList<>();
            for (AddressOfRecord aor : location.addressesOfRecord()) {
                expired.addAll(w.change(aor, existing -> BindingRules.purge(existing, w.now)).changes().removals());
            }
            return new RegistrationOutcome(Status.APPLIED, List.of(), new BindingChanges(List.of(), expired));
        });
    }

    /** How many commits the writer made, for metrics and tests. */
    public long commitCount() {
        return commits.get();
    }

    private CompletableFuture<RegistrationOutcome> submit(Function<Working, RegistrationOutcome> change) {
        CompletableFuture<RegistrationOutcome> done = new CompletableFuture<>();
        if (closed || !queue.offer(new Job(change, done))) {
            done.completeExceptionally(new RejectedExecutionException(closed
                    ? "binding writer is closed" : "binding writer queue is full"));
        }
        return done;
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Job> batch) {
        Working working = new Working(clock.instant());
        List<RegistrationOutcome> outcomes = new ArrayList<>(batch.size());
        List<BindingChanges> changes = new ArrayList<>(batch.size());
        try {
            for (Job job : batch) {
                RegistrationOutcome outcome = job.change().apply(working);
                outcomes.add(outcome);
                if (!outcome.changes().isEmpty()) {
                    changes.add(outcome.changes());
                }
            }
            if (!changes.isEmpty()) {
                store.apply(changes);
                commits.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.error("Could not save {} registration changes; none applied: {}", batch.size(), e.getMessage(), e);
            for (Job job : batch) {
                job.done().completeExceptionally(e);
            }
            return;
        }
        location.publish(working.changed);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(outcomes.get(i));
        }
    }

    /** Stops taking changes and waits until those queued are written. Blocks. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Job left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new RejectedExecutionException("binding writer is closed"));
        }
    }

    /** The bindings as one batch leaves them: committed ones overlaid with the batch's changes. */
    private final class Working {
        final Instant now;
        final Map<AddressOfRecord, List<Binding>> changed = new HashMap<>();

        Working(Instant now) {
            this.now = now;
        }

        RegistrationOutcome change(AddressOfRecord aor, Function<List<Binding>, RegistrationOutcome> rule) {
            List<Binding> existing = changed.containsKey(aor) ? changed.get(aor) : location.stored(aor);
            RegistrationOutcome outcome = rule.apply(existing);
            if (outcome.status() == Status.APPLIED && !outcome.changes().isEmpty()) {
                changed.put(aor, outcome.current());
            }
            return outcome;
        }
    }
}
