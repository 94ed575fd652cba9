package org.switchboard.core.transport.netty;

import java.net.InetAddress;
import java.util.Objects;
import org.switchboard.core.transport.SourceFilter;
import org.switchboard.core.transport.TransportStats;

/**
 * The transports' hold on the {@link SourceFilter}, which may be set after the handlers exist,
 * counting what it blocks. Thread-safe; never blocks.
 */
final class SourceGate {
    private final TransportStats stats;
    private volatile SourceFilter filter = SourceFilter.NONE;

    SourceGate(TransportStats stats) {
        this.stats = stats;
    }

    void set(SourceFilter newFilter) {
        this.filter = Objects.requireNonNull(newFilter, "filter");
    }

    /** Whether to drop what {@code source} sent; a drop is counted. */
    boolean drops(InetAddress source) {
        if (filter.isBlocked(source)) {
            stats.recordBlockedDrop();
            return true;
        }
        return false;
    }

    boolean trusts(InetAddress source) {
        return filter.isTrusted(source);
    }
}
