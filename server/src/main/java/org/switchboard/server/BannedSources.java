package org.switchboard.server;

import java.net.InetAddress;
import org.switchboard.accounts.bruteforce.BruteForceGuard;
import org.switchboard.core.transport.SourceFilter;
import org.switchboard.server.config.BanAction;

/**
 * The brute-force guard's view for the transports: a banned source is blocked (its packets dropped
 * unread) when the ban action is {@link BanAction#DROP}, and otherwise reaches the registrar, which
 * answers 403; trusted networks are exempt from per-source limits. Thread-safe and never blocks, as
 * the guard's lookups take no lock.
 */
final class BannedSources implements SourceFilter {
    private final BruteForceGuard guard;
    private final boolean drop;

    BannedSources(BruteForceGuard guard, BanAction action) {
        this.guard = guard;
        this.drop = action == BanAction.DROP;
    }

    @Override
    public boolean isBlocked(InetAddress source) {
        return drop && guard.isBanned(source);
    }

    @Override
    public boolean isTrusted(InetAddress source) {
        return guard.isTrusted(source);
    }
}
