package org.switchboard.dialplan.features;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.store.CallFeatureStore;
import org.switchboard.core.spi.store.UserFeatures;

/**
 * The call features of a running server: the {@link FeatureBook} read from the {@link
 * CallFeatureStore} at start and again whenever the store's revision moves (compared every {@link
 * #POLL} on the blocking executor, so a command's change, or one on another node of a farm, is in
 * force within seconds), the response stage's {@link FailureForwarding}, and the saving of feature
 * codes. Thread-safe.
 */
public final class CallFeatures implements FeatureChanges {
    private static final Logger LOG = LoggerFactory.getLogger(CallFeatures.class);
    /** How often the store's revision is compared. */
    static final Duration POLL = Duration.ofSeconds(2);

    private final CallFeatureStore store;
    private final Executor blocking;
    private final AtomicReference<FeatureBook> book;
    private final FailureForwarding failures = new FailureForwarding();
    private final AtomicBoolean polling = new AtomicBoolean();
    private ScheduledFuture<?> poll;

    /** Reads the store (blocking), for a server starting. */
    public CallFeatures(CallFeatureStore store, Executor blocking) {
        this.store = store;
        this.blocking = blocking;
        this.book = new AtomicReference<>(load(store));
        LOG.info("Call features: revision {} in force, {}", book.get().revision(), book.get().describe());
    }

    private static FeatureBook load(CallFeatureStore store) {
        // the revision first: a change during the reads makes the next poll read again
        long revision = store.revision();
        return FeatureBook.compile(store.userFeatures(), store.groups(), store.options(), revision);
    }

    /** The features in force now. */
    public FeatureBook current() {
        return book.get();
    }

    /** The response stage's part: forwarding on busy and on no answer. */
    public FailureForwarding failureForwarding() {
        return failures;
    }

    /** The server's router: the features in front of {@code plan}. */
    public Router router(Router plan, Router local, DomainCatalog domains) {
        return new FeatureRouter(book::get, plan, local, domains, failures, this);
    }

    /** Compares the store's revision every {@link #POLL} and reloads when it moved. */
    public void startPolling(ScheduledExecutorService scheduler) {
        poll = scheduler.scheduleWithFixedDelay(() -> {
            if (!polling.compareAndSet(false, true)) {
                return; // the last poll still runs (a slow database)
            }
            try {
                blocking.execute(this::refresh);
            } catch (RejectedExecutionException e) {
                polling.set(false);
                LOG.debug("Call features: the blocking executor is saturated; the store is compared at the next poll");
            }
        }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            if (store.revision() != book.get().revision()) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.warn("Call features: cannot read the store ({}); the features in force stay", e.getMessage());
        } finally {
            polling.set(false);
        }
    }

    private void reload() {
        FeatureBook loaded = load(store);
        book.set(loaded);
        LOG.info("Call features: revision {} in force, {}", loaded.revision(), loaded.describe());
    }

    @Override
    public CompletionStage<Void> apply(AddressOfRecord user, FeatureChange change) {
        try {
            return CompletableFuture.runAsync(() -> {
                UserFeatures old = store.userFeatures(user.host(), user.user())
                        .orElse(UserFeatures.none(user.host(), user.user()));
                store.saveUserFeatures(change.applyTo(old));
                reload(); // in force for the caller's next call, not only after the next poll
            }, blocking);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stops comparing the store. */
    public void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }
}
