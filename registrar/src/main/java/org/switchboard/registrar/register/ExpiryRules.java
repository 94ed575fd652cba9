package org.switchboard.registrar.register;

/**
 * How long registrations last, in seconds (RFC 3261 §10.2.1, §10.3 step 7): the default when a
 * REGISTER names none, the minimum below which it is refused with 423 Interval Too Brief, and the
 * maximum to which longer requests are shortened. Immutable.
 */
public record ExpiryRules(long minSeconds, long defaultSeconds, long maxSeconds) {

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
