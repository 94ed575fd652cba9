package org.switchboard.presence.plugin;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;

import java.time.Duration;
import java.util.Objects;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;
import org.switchboard.presence.subscription.ExpiryLimits;

/**
 * The live settings section {@code presence}: busy lamps and pickup. Immutable.
 *
 * @param pickupCode what a phone dials before a colleague's extension to pick up the call ringing
 *     there (default {@code *8}); empty for no pickup by code (pickup with Replaces stays)
 * @param minExpires the shortest subscription accepted; shorter ones are answered 423 (default 60 s)
 * @param defaultExpires the lifetime of a subscription that asks for none (default 3600 s, RFC 4235 §3.2)
 * @param maxExpires the longest lifetime granted (default 3600 s)
 * @param maxPerUser the most subscriptions one user's phones hold (default 100)
 * @param maxTotal the most subscriptions in all (default 20000)
 * @param notifyInterval the least time between two NOTIFYs of one subscription for changes (default 1 s)
 */
public record PresenceSettings(@Applies(LIVE) String pickupCode, @Applies(LIVE) Duration minExpires,
        @Applies(LIVE) Duration defaultExpires, @Applies(LIVE) Duration maxExpires, @Applies(LIVE) int maxPerUser,
        @Applies(LIVE) int maxTotal, @Applies(LIVE) Duration notifyInterval) {

    /** The section, with the defaults above. */
    public static final Section<PresenceSettings> SECTION = Section.of("presence", PresenceSettings.class,
            new PresenceSettings("*8", Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600),
                    100, 20_000, Duration.ofSeconds(1)));

    /** Checks each value, naming the setting that fails. */
    public PresenceSettings {
        Objects.requireNonNull(pickupCode, "pickupCode");
        if (!pickupCode.matches("[0-9*#]{0,8}")) {
            throw new IllegalArgumentException("pickupCode must be up to 8 of 0-9, * and #, not " + pickupCode);
        }
        new ExpiryLimits(minExpires, defaultExpires, maxExpires);
        if (maxPerUser < 1 || maxTotal < 1) {
            throw new IllegalArgumentException("maxPerUser and maxTotal must be 1 or more, not " + maxPerUser
                    + " and " + maxTotal);
        }
        if (notifyInterval.isNegative()) {
            throw new IllegalArgumentException("notifyInterval must be 0 or more, not " + notifyInterval);
        }
    }

    /** The expiry limits of these settings. */
    public ExpiryLimits expiry() {
        return new ExpiryLimits(minExpires, defaultExpires, maxExpires);
    }
}
