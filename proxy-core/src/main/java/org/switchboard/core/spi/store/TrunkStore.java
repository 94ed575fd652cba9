package org.switchboard.core.spi.store;

import java.util.List;
import java.util.Optional;

/**
 * The trunks and the state of their outbound registrations. The registrations are written by the
 * server that registers and read by the admin commands and any module shown the store (the web
 * admin's status page). <b>Every method blocks</b> (database I/O). Thread-safe.
 */
public interface TrunkStore {

    /** Every trunk, by name. */
    List<StoredTrunk> trunks();

    /** Adds a trunk, or replaces the one of the same name (its registration state stays). */
    void saveTrunk(StoredTrunk trunk);

    /** Removes a trunk and its registration state; @return whether there was a trunk of that name */
    boolean removeTrunk(String name);

    /** Every saved registration state, by trunk name. */
    List<TrunkRegistration> registrations();

    /** The saved registration state of one trunk. */
    Optional<TrunkRegistration> registration(String trunk);

    /** Saves a trunk's registration state, replacing the last. */
    void saveRegistration(TrunkRegistration registration);
}
