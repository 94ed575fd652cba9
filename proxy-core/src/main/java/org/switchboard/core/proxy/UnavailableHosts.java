package org.switchboard.core.proxy;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;

/**
 * Next hops that recently timed out or refused a connection, skipped for a short time so that a
 * dead phone or gateway does not cost every call the full Timer B (snom 4S "unavailable host
 * TTL"). Holds at most {@code capacity} hosts, the least recently marked dropped first.
 *
 * <p>Threading: thread-safe; called on the shards.
 */
final class UnavailableHosts {
    private static final Logger LOG = LoggerFactory.getLogger(UnavailableHosts.class);

    private final long ttlMillis;
    private final Clock clock;
    private final Map<Key, Mark> hosts;

    private record Key(Transport transport, InetSocketAddress address) {
    }

    private record Mark(int status, long untilMillis) {
    }

    UnavailableHosts(Duration ttl, int capacity, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.hosts = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Mark> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Remembers that {@code destination} failed, and the status a request to it counts as while it
     * is skipped: 408 after a timeout, 503 after a transport error.
     */
    void mark(Destination destination, int status) {
        if (ttlMillis == 0) {
            return;
        }
        Key key = new Key(destination.transport(), destination.address());
        synchronized (hosts) {
            Mark previous = hosts.remove(key);
            hosts.put(key, new Mark(status, clock.millis() + ttlMillis));
            if (previous == null) {
                LOG.info("Next hop {} is unavailable ({}); skipping it for {} ms", destination, status, ttlMillis);
            }
        }
    }

    /** The status a request to {@code destination} counts as while it is skipped, or 0 if it may be tried. */
    int statusOf(Destination destination) {
        Key key = new Key(destination.transport(), destination.address());
        synchronized (hosts) {
            Mark mark = hosts.get(key);
            if (mark == null) {
                return 0;
            }
            if (mark.untilMillis() <= clock.millis()) {
                hosts.remove(key);
                return 0;
            }
            return mark.status();
        }
    }

    /** A response came from {@code destination}: it is reachable again. */
    void clear(Destination destination) {
        synchronized (hosts) {
            hosts.remove(new Key(destination.transport(), destination.address()));
        }
    }

    int size() {
        synchronized (hosts) {
            return hosts.size();
        }
    }
}
