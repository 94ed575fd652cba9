package org.switchboard.core.spi.store;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of the web admin's administrator accounts. <b>Every method blocks</b> (database I/O):
 * call from a blocking thread, never an event loop. Implementations are thread-safe; failures of the
 * database itself are {@link StoreException}.
 */
public interface AdminStore {

    /**
     * Adds an account.
     *
     * @return false if an account of that name exists (nothing changed)
     */
    boolean add(AdminAccount account);

    Optional<AdminAccount> find(String username);

    /** All accounts, sorted by name. */
    List<AdminAccount> list();

    /** How many accounts exist; zero until the first-run setup made one. */
    int count();

    /**
     * Adds the first account, only if there is none yet, atomically: two browsers finishing the
     * first-run setup at once make one account.
     *
     * @return false if an account already existed (nothing changed)
     */
    boolean addFirst(AdminAccount account);
}
