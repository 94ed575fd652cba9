package org.switchboard.core.dns;

import java.util.List;

/**
 * The records of one DNS answer and how long they may be cached. An empty answer (no such name, no
 * records of that type) is cached too, for its negative TTL. Immutable.
 *
 * @param ttlSeconds the smallest TTL of the records, or the negative-caching TTL if there are none
 */
public record DnsAnswer<T>(List<T> records, long ttlSeconds) {

    public DnsAnswer {
        records = List.copyOf(records);
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("Negative TTL: " + ttlSeconds);
        }
    }

    public static <T> DnsAnswer<T> empty(long ttlSeconds) {
        return new DnsAnswer<>(List.of(), ttlSeconds);
    }
}
