package org.switchboard.core.spi.store;

import java.util.List;

/**
 * Persistence of domains. <b>Every method blocks</b> (database I/O): call from the blocking executor.
 * Implementations are thread-safe; failures of the database itself are {@link
 * org.switchboard.core.spi.store.StoreException}.
 */
public interface DomainStore {

    /** Adds a domain; {@link DirectoryException.Reason#DUPLICATE_DOMAIN} if it exists. */
    void add(Domain domain);

    /**
     * Removes a domain; {@link DirectoryException.Reason#DOMAIN_IN_USE} if it still has users.
     *
     * @return whether it existed
     */
    boolean remove(String name);

    boolean exists(String name);

    /** All domains, sorted by name. */
    List<Domain> list();
}
