package org.switchboard.core.transport;

import java.net.InetAddress;

/**
 * What the transports ask about a remote address before they read from it: whether it is blocked
 * (a banned source, whose packets are dropped unread and unanswered, so that a cracking tool gets no
 * reply to go on with) and whether it is trusted (exempt from per-source connection limits).
 * Implementations must be thread-safe and must never block: they are called on event loops, for
 * every datagram and every new connection.
 */
public interface SourceFilter {

    /** Blocks nothing and trusts nobody. */
    SourceFilter NONE = new SourceFilter() {
        @Override
        public boolean isBlocked(InetAddress source) {
            return false;
        }

        @Override
        public boolean isTrusted(InetAddress source) {
            return false;
        }
    };

    /** Whether packets and connections from {@code source} are dropped without an answer. */
    boolean isBlocked(InetAddress source);

    /** Whether {@code source} is exempt from per-source limits. */
    boolean isTrusted(InetAddress source);
}
