package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token for the web admin's JSON API, as stored: its name and the SHA-256 of the token (the
 * token itself is shown once at creation and kept nowhere). A token acts as a system admin. Immutable.
 *
 * @param name unique, chosen by the admin, e.g. {@code backup-script}
 * @param tokenHash the token's SHA-256, lower-case hex
 * @param created when it was made
 */
public record ApiToken(String name, String tokenHash, Instant created) {

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(created, "created");
    }
}
