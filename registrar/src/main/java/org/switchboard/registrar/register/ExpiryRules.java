package org.switchboard.registrar.register;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;

import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;

/**
 * How long registrations last, in seconds (RFC 3261 §10.2.1, §10.3 step 7): the default when a
 * REGISTER names none, the minimum below which it is refused with 423 Interval Too Brief, and the
 * maximum to which longer requests are shortened. Immutable; a live settings section.
 */
public record ExpiryRules(@Applies(LIVE) long minSeconds, @Applies(LIVE) long defaultSeconds,
        @Applies(LIVE) long maxSeconds) {

    /** The live settings section {@code registrar}: a change applies to the next REGISTER. */
    public static final Section<ExpiryRules> SECTION = Section.of("registrar", ExpiryRules.class, defaults());

    public ExpiryRules {
        if (minSeconds < 1 || defaultSeconds < minSeconds || maxSeconds < defaultSeconds) {
            throw new IllegalArgumentException("Expiry rules need 1 <= min <= default <= max, got min " + minSeconds
                    + ", default " + defaultSeconds + ", max " + maxSeconds);
        }
    }

    /** 60 s minimum, 3600 s default, 86400 s maximum. */
    public static ExpiryRules defaults() {
        return new ExpiryRules(60, 3600, 86_400);
    }
}
