package org.switchboard.presence.subscription;

import java.util.Objects;

/**
 * What identifies a subscription: its dialog (RFC 3261 §12: Call-ID and both tags; RFC 6665 §4.1.2
 * adds the Event id, which a dialog subscription has none of for snom phones and which we do not
 * support, so one subscription per dialog).
 *
 * @param callId the SUBSCRIBE's Call-ID
 * @param subscriberTag the subscriber's From tag
 * @param notifierTag the tag of our 200 OK
 */
public record SubscriptionKey(String callId, String subscriberTag, String notifierTag) {
    public SubscriptionKey {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(subscriberTag, "subscriberTag");
        Objects.requireNonNull(notifierTag, "notifierTag");
    }
}
