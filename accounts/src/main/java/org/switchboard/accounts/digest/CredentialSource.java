package org.switchboard.accounts.digest;

import java.util.Optional;

/**
 * Where the {@link DigestAuthenticator} finds realms and HA1 values; the user directory provides it.
 *
 * <p><b>Threading:</b> the lookups may block (a database read) unless {@link #blocks()} says they
 * do not. Implementations are thread-safe.
 */
public interface CredentialSource {

    /** Whether {@code realm} (lower case) is a domain we serve. */
    boolean servesRealm(String realm);

    /** The secrets of user {@code username} in domain {@code realm}, or empty if there is none. */
    Optional<DigestSecrets> secrets(String realm, String username);

    /** Whether the lookups may block; an in-memory source answers false. */
    default boolean blocks() {
        return true;
    }
}
