package org.switchboard.core.spi.store;

import java.util.List;

/**
 * Persistence of bindings, so registrations survive a restart. <b>Every method blocks</b> (database
 * I/O): call from the blocking executor. Implementations are thread-safe; database failures are
 * {@link org.switchboard.core.spi.store.StoreException}.
 */
public interface BindingStore {

    /** All stored bindings, expired or not. */
    List<Binding> loadAll();

    /**
     * Writes many change sets in one transaction (one commit for many REGISTERs), applied in order:
     * for each binding key the last write wins. Returns only once the changes are durable (on stable
     * storage, surviving a killed process and a power cut): the registrar answers 200 after it.
     */
    void apply(List<BindingChanges> changes);

    /**
     * Writes like {@link #apply} but may return before the changes are durable: for a caller that
     * holds them safely elsewhere (the registration journal) until it has called {@link #force}.
     */
    default void applyUnforced(List<BindingChanges> changes) {
        apply(changes);
    }

    /** Makes everything written so far durable. */
    default void force() {
    }
}
