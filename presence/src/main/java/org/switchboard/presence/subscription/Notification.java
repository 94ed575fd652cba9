package org.switchboard.presence.subscription;

import java.util.Objects;

/**
 * One NOTIFY to send for a subscription (RFC 6665 §4.2.2): its CSeq number, its Subscription-State
 * value, its dialog-info body, where it goes, and whether it ends the subscription. Immutable.
 */
public record Notification(Subscription subscription, SubscriberAddress address, long cseq,
        String subscriptionState, String body, boolean last) {
    public Notification {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(subscriptionState, "subscriptionState");
        Objects.requireNonNull(body, "body");
    }
}
