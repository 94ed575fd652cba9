package org.switchboard.registrar.bruteforce;

import java.net.InetAddress;
import java.util.List;

/**
 * Bans kept across restarts: the running server holds bans in its {@link BruteForceGuard}, saves
 * them here when it stops and restores them when it starts; the command line lists and lifts them
 * while the server is stopped. <b>Every method blocks</b> (database I/O). Thread-safe.
 */
public interface BanStore {

    /** All saved bans, expired or not, soonest to expire first. */
    List<Ban> load();

    /** Replaces the saved bans by {@code bans}, in one transaction. */
    void replaceAll(List<Ban> bans);

    /**
     * Deletes the saved ban of {@code source}.
     *
     * @return whether there was one
     */
    boolean remove(InetAddress source);
}
