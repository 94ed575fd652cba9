package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * A user assigned to one line (SIP account) of a phone. Immutable.
 *
 * @param line the line number, 1 for the first account
 * @param domain the user's domain
 * @param userName the user's name (extension)
 */
public record DeviceLine(int line, String domain, String userName) {
    /** The first line, the one plug-and-play assignment uses. */
    public static final int FIRST = 1;

    public DeviceLine {
        if (line < FIRST) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(userName, "userName");
    }

    /** {@code name@domain}. */
    public String address() {
        return userName + '@' + domain;
    }
}
