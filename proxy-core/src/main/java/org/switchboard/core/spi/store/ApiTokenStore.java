package org.switchboard.core.spi.store;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of the JSON API's bearer tokens. <b>Every method blocks</b> (database I/O).
 * Thread-safe; failures of the database are {@link StoreException}.
 */
public interface ApiTokenStore {

    /** @return false if a token of that name exists (nothing changed) */
    boolean add(ApiToken token);

    /** The token whose SHA-256 is {@code tokenHash}, if any. */
    Optional<ApiToken> findByHash(String tokenHash);

    /** All tokens, by name. */
    List<ApiToken> list();

    /** @return whether a token of that name existed */
    boolean remove(String name);
}
