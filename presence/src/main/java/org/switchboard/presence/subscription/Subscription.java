package org.switchboard.presence.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.presence.dialog.TrackedCall;

/**
 * One subscriber's subscription to one user's dialogs (RFC 6665 §4.2): its dialog, who watches
 * whom, where NOTIFYs go, until when it lasts, and what its NOTIFYs have said so far. Its mutable
 * state is read and changed only by {@link Subscriptions}, under its lock.
 */
public final class Subscription {
    private final SubscriptionKey key;
    private final AddressOfRecord watcher;
    private final AddressOfRecord resource;
    private final String subscriberAddress;
    private final String resourceAddress;
    private final String event;

    SubscriberAddress address;
    Instant expiresAt;
    long nextCseq = 1;
    long version;
    Instant lastSent;
    boolean dirty;
    boolean inFlight;
    boolean ending;
    Map<String, TrackedCall> shown = Map.of();

    /**
     * @param subscriberAddress the SUBSCRIBE's From, with the subscriber's tag: the NOTIFY's To
     * @param resourceAddress the SUBSCRIBE's To without tag: the NOTIFY's From, with our tag added
     * @param event the SUBSCRIBE's Event value, which each NOTIFY repeats (RFC 6665 §8.2.1)
     */
    public Subscription(SubscriptionKey key, AddressOfRecord watcher, AddressOfRecord resource,
            String subscriberAddress, String resourceAddress, String event, SubscriberAddress address,
            Instant expiresAt) {
        this.key = Objects.requireNonNull(key, "key");
        this.watcher = Objects.requireNonNull(watcher, "watcher");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.subscriberAddress = Objects.requireNonNull(subscriberAddress, "subscriberAddress");
        this.resourceAddress = Objects.requireNonNull(resourceAddress, "resourceAddress");
        this.event = Objects.requireNonNull(event, "event");
        this.address = Objects.requireNonNull(address, "address");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public SubscriptionKey key() {
        return key;
    }

    /** Who subscribed. */
    public AddressOfRecord watcher() {
        return watcher;
    }

    /** Whose dialogs are watched. */
    public AddressOfRecord resource() {
        return resource;
    }

    public String subscriberAddress() {
        return subscriberAddress;
    }

    public String resourceAddress() {
        return resourceAddress;
    }

    public String event() {
        return event;
    }

    /** The calls the last NOTIFY showed (not ended ones), by Call-ID; for the next one to show their end. */
    List<TrackedCall> shownCalls() {
        return List.copyOf(shown.values());
    }

    @Override
    public String toString() {
        return watcher + " watching " + resource + " (Call-ID " + key.callId() + ")";
    }
}
