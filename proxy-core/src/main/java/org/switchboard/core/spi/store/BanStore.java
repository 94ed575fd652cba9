package org.switchboard.core.spi.store;

import java.net.InetAddress;
import java.util.List;

/**
 * Bans kept across restarts, even a killed process: the running server holds bans in its brute-force
 * guard, saves each here as it is made or lifted and restores them when it starts; the command line
 * lists and lifts them while the server is stopped. <b>Every method blocks</b> (database I/O).
 * Thread-safe.
 */
public interface BanStore {

    /** All saved bans, expired or not, soonest to expire first. */
    List<Ban> load();

    /** Saves {@code ban}, replacing a saved ban of its source, durably: it survives a killed process. */
    void save(Ban ban);

    /** Replaces the saved bans by {@code bans}, in one transaction. */
    void replaceAll(List<Ban> bans);

    /**
     * Deletes the saved ban of {@code source}, durably.
     *
     * @return whether there was one
     */
    boolean remove(InetAddress source);
}
