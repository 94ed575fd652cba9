package org.switchboard.core.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link DnsLookup} that keeps answers for their TTL (capped at {@code maxTtlSeconds}), at most
 * {@code capacity} of them, least recently used dropped first. Failures (timeouts) are not cached.
 *
 * <p>Threading: as {@link DnsLookup}; thread-safe. Two threads missing the same name at once both
 * ask the delegate.
 */
public final class CachingDnsLookup implements DnsLookup {
    private final DnsLookup delegate;
    private final Clock clock;
    private final long maxTtlSeconds;
    private final Map<String, Cached> cache;

    private record Cached(DnsAnswer<?> answer, long expiresAtMillis) {
    }

    @FunctionalInterface
    private interface Query<T> {
        DnsAnswer<T> run() throws IOException;
    }

    public CachingDnsLookup(DnsLookup delegate, Clock clock, int capacity, long maxTtlSeconds) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxTtlSeconds = maxTtlSeconds;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public DnsAnswer<NaptrRecord> naptr(String name) throws IOException {
        return cached("NAPTR " + name, () -> delegate.naptr(name));
    }

    @Override
    public DnsAnswer<SrvRecord> srv(String name) throws IOException {
        return cached("SRV " + name, () -> delegate.srv(name));
    }

    @Override
    public DnsAnswer<InetAddress> addresses(String name, boolean ipv6) throws IOException {
        return cached((ipv6 ? "AAAA " : "A ") + name, () -> delegate.addresses(name, ipv6));
    }

    @SuppressWarnings("unchecked")
    private <T> DnsAnswer<T> cached(String key, Query<T> query) throws IOException {
        long now = clock.millis();
        synchronized (cache) {
            Cached hit = cache.get(key);
            if (hit != null && hit.expiresAtMillis() > now) {
                return (DnsAnswer<T>) hit.answer();
            }
        }
        DnsAnswer<T> answer = query.run();
        long ttl = Math.min(answer.ttlSeconds(), maxTtlSeconds);
        if (ttl > 0) {
            synchronized (cache) {
                cache.put(key, new Cached(answer, now + ttl * 1000));
            }
        }
        return answer;
    }
}
