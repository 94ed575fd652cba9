package org.switchboard.presence.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.presence.dialog.DialogInfo;
import org.switchboard.presence.dialog.TrackedCall;

/**
 * Every dialog-event subscription and its state machine (RFC 6665): accepted with an immediate
 * full NOTIFY (§4.2.1.2 — the 200 OK, then at once a NOTIFY with the current state); refreshed,
 * again with an immediate NOTIFY; ended by the subscriber (Expires 0), by expiry or by a failed
 * NOTIFY (§4.2.2: a 481, a 408 or no answer removes it), the first two with a last NOTIFY saying
 * {@code terminated;reason=timeout}. Changes of the watched user's calls mark a subscription for a
 * NOTIFY, sent by {@link #due} at most once per {@code interval} with the latest state (rate
 * control, §4.1.1 / RFC 4235 keeps full state so skipped states are no loss), and never while the
 * previous NOTIFY of the subscription still waits for its answer (so they arrive in CSeq order).
 *
 * <p>Bounded: at most {@code maxPerUser} subscriptions per subscriber and {@code maxTotal} in all.
 *
 * <p>Thread-safe: one lock around short, non-blocking work; NOTIFYs are sent by the caller after.
 */
public final class Subscriptions {
    private final Clock clock;
    private final Function<AddressOfRecord, List<TrackedCall>> callsOf;
    private final Supplier<Duration> interval;
    private final IntSupplier maxPerUser;
    private final IntSupplier maxTotal;
    private final Map<SubscriptionKey, Subscription> byKey = new LinkedHashMap<>();
    private final Map<AddressOfRecord, Integer> perWatcher = new HashMap<>();
    /** The subscriptions of each watched user, so that a call's change finds its watchers at once. */
    private final Map<AddressOfRecord, Set<Subscription>> byResource = new HashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong notifies = new AtomicLong();
    private final AtomicLong failedNotifies = new AtomicLong();

    /**
     * @param callsOf a user's calls now (non-blocking)
     * @param interval the least time between two NOTIFYs of one subscription for changes
     */
    public Subscriptions(Clock clock, Function<AddressOfRecord, List<TrackedCall>> callsOf,
            Supplier<Duration> interval, IntSupplier maxPerUser, IntSupplier maxTotal) {
        this.clock = clock;
        this.callsOf = callsOf;
        this.interval = interval;
        this.maxPerUser = maxPerUser;
        this.maxTotal = maxTotal;
    }

    /** Whether {@code watcher} may add one more subscription; a refusal is counted. */
    public synchronized Admission admit(AddressOfRecord watcher) {
        if (byKey.size() >= maxTotal.getAsInt()) {
            refused.incrementAndGet();
            return Admission.TOTAL_LIMIT;
        }
        if (perWatcher.getOrDefault(watcher, 0) >= maxPerUser.getAsInt()) {
            refused.incrementAndGet();
            return Admission.USER_LIMIT;
        }
        return Admission.ADMITTED;
    }

    /**
     * Adds an accepted subscription (after {@link #admit}) and returns its first NOTIFY, to be sent
     * right after the 200 OK; a subscription accepted with Expires 0 gets its one NOTIFY as its last
     * (RFC 6665 §4.2.1.2: a fetch).
     */
    public synchronized Notification add(Subscription subscription) {
        byKey.put(subscription.key(), subscription);
        perWatcher.merge(subscription.watcher(), 1, Integer::sum);
        byResource.computeIfAbsent(subscription.resource(), r -> new HashSet<>()).add(subscription);
        if (!subscription.expiresAt.isAfter(clock.instant())) {
            subscription.ending = true;
        }
        return notificationOf(subscription, clock.instant());
    }

    /** The subscription of this dialog, if it is (still) known. */
    public synchronized Optional<Subscription> find(SubscriptionKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * A refreshing SUBSCRIBE (RFC 6665 §4.2.1.2): the new expiry (now for Expires 0, which ends it)
     * and target; the NOTIFY to send at once, or empty if the previous one still waits for its
     * answer, in which case it goes as soon as that comes.
     */
    public synchronized Optional<Notification> refresh(Subscription subscription, Instant expiresAt,
            SubscriberAddress address) {
        if (byKey.get(subscription.key()) != subscription) {
            return Optional.empty();
        }
        subscription.expiresAt = expiresAt;
        subscription.address = address;
        if (!expiresAt.isAfter(clock.instant())) {
            subscription.ending = true;
        }
        subscription.dirty = true;
        if (subscription.inFlight) {
            return Optional.empty();
        }
        return Optional.of(notificationOf(subscription, clock.instant()));
    }

    /** The calls of {@code call}'s caller and callee changed: their watchers get a NOTIFY soon. */
    public synchronized void changed(TrackedCall call) {
        markWatchersOf(call.caller());
        markWatchersOf(call.callee());
    }

    private void markWatchersOf(AddressOfRecord party) {
        if (party != null) {
            for (Subscription subscription : byResource.getOrDefault(party, Set.of())) {
                subscription.dirty = true;
            }
        }
    }

    /**
     * The NOTIFYs due now: of expired subscriptions (their last), of those ending, and of those with
     * changes whose last NOTIFY is at least the interval ago; none of a subscription whose previous
     * NOTIFY waits for its answer.
     */
    public synchronized List<Notification> due() {
        Instant now = clock.instant();
        Duration gap = interval.get();
        List<Notification> due = new ArrayList<>();
        for (Subscription subscription : List.copyOf(byKey.values())) {
            if (!subscription.expiresAt.isAfter(now)) {
                subscription.ending = true;
            }
            if (subscription.inFlight) {
                continue;
            }
            boolean throttled = subscription.lastSent != null && subscription.lastSent.plus(gap).isAfter(now);
            if (subscription.ending || subscription.dirty && !throttled) {
                due.add(notificationOf(subscription, now));
            }
        }
        return due;
    }

    /**
     * The answer to a NOTIFY came (or none will): {@code keep} false ends the subscription at once
     * (RFC 6665 §4.2.2: 481, 408 or a timeout).
     */
    public synchronized void answered(Notification notification, boolean keep) {
        Subscription subscription = notification.subscription();
        subscription.inFlight = false;
        if (!keep) {
            failedNotifies.incrementAndGet();
            remove(subscription);
        }
    }

    /** How many subscriptions there are. */
    public synchronized int size() {
        return byKey.size();
    }

    /** How many subscriptions {@code watcher} has. */
    public synchronized int countOf(AddressOfRecord watcher) {
        return perWatcher.getOrDefault(watcher, 0);
    }

    /** SUBSCRIBEs refused at a bound since start. */
    public long refused() {
        return refused.get();
    }

    /** NOTIFYs made since start. */
    public long notifies() {
        return notifies.get();
    }

    /** NOTIFYs that failed and ended their subscription since start. */
    public long failedNotifies() {
        return failedNotifies.get();
    }

    /** The next NOTIFY of {@code subscription}: full state, the ended calls once, in flight from now. */
    private Notification notificationOf(Subscription subscription, Instant now) {
        List<TrackedCall> current = callsOf.apply(subscription.resource());
        Map<String, TrackedCall> nowShown = new LinkedHashMap<>();
        for (TrackedCall call : current) {
            nowShown.put(call.callId(), call);
        }
        List<TrackedCall> ended = new ArrayList<>();
        for (TrackedCall before : subscription.shownCalls()) {
            if (!nowShown.containsKey(before.callId())) {
                ended.add(before);
            }
        }
        String body = DialogInfo.render(subscription.resource(), subscription.version, current, ended);
        boolean last = subscription.ending;
        long remaining = Math.max(0, Duration.between(now, subscription.expiresAt).toSeconds());
        String state = last ? "terminated;reason=timeout" : "active;expires=" + remaining;
        Notification notification = new Notification(subscription, subscription.address, subscription.nextCseq,
                state, body, last);
        subscription.nextCseq++;
        subscription.version++;
        subscription.lastSent = now;
        subscription.dirty = false;
        subscription.shown = nowShown;
        notifies.incrementAndGet();
        if (last) {
            remove(subscription);
        } else {
            subscription.inFlight = true;
        }
        return notification;
    }

    private void remove(Subscription subscription) {
        if (byKey.remove(subscription.key(), subscription)) {
            perWatcher.computeIfPresent(subscription.watcher(), (w, n) -> n > 1 ? n - 1 : null);
            byResource.computeIfPresent(subscription.resource(), (r, watching) -> {
                watching.remove(subscription);
                return watching.isEmpty() ? null : watching;
            });
        }
    }
}
