package org.switchboard.presence.subscription;

import java.time.Duration;

/**
 * How long a subscription may last (RFC 6665 §4.2.1.1): a SUBSCRIBE without Expires gets the
 * default (RFC 4235 §3.2: 3600 s for the dialog package), one asking for more than the maximum gets
 * the maximum, one asking for less than the minimum (but not 0, which ends the subscription) is
 * refused with 423 and Min-Expires. Immutable.
 */
public record ExpiryLimits(Duration min, Duration standard, Duration max) {

    public ExpiryLimits {
        if (min.isNegative() || min.isZero() || standard.compareTo(min) < 0 || max.compareTo(standard) < 0) {
            throw new IllegalArgumentException("expiry limits need 0 < min <= default <= max, not " + min + ", "
                    + standard + ", " + max);
        }
    }

    /**
     * The granted seconds for the requested ones ({@code null}: no Expires header), or -1 if the
     * request asks for less than the minimum and is to be answered 423.
     */
    public long grant(Long requestedSeconds) {
        if (requestedSeconds == null) {
            return standard.toSeconds();
        }
        if (requestedSeconds == 0) {
            return 0;
        }
        if (requestedSeconds < min.toSeconds()) {
            return -1;
        }
        return Math.min(requestedSeconds, max.toSeconds());
    }
}
