package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrator of the web admin. Immutable.
 *
 * @param username the login name, lower case, unique
 * @param passwordHash the password as a self-describing hash string (PHC format, e.g. Argon2id);
 *     never the password itself
 * @param role what the administrator may do
 * @param domain the one domain a {@link AdminRole#DOMAIN_ADMIN} administers; {@code null} for a
 *     system admin
 * @param created when the account was made
 */
public record AdminAccount(String username, String passwordHash, AdminRole role, String domain, Instant created) {

    public AdminAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        if ((role == AdminRole.DOMAIN_ADMIN) != (domain != null)) {
            throw new IllegalArgumentException("a domain admin has exactly one domain, a system admin none");
        }
    }
}
