package org.switchboard.core.spi.route;

import org.switchboard.core.location.AddressOfRecord;

/**
 * The domains this server is responsible for and the users in them. Implemented by the
 * registrar's user directory.
 *
 * <p>Threading: called on the call's shards; must not block (answer from memory).
 * Implementations are thread-safe.
 */
public interface DomainCatalog {

    /** Whether {@code host} (a URI host, any case) is one of our SIP domains. */
    boolean isLocalDomain(String host);

    /** Whether {@code aor}, in one of our domains, is a provisioned user (registered or not). */
    boolean userExists(AddressOfRecord aor);
}
