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
 * TTL"). Holds at most {@code capacity} hosts, the least recently marked or heard from dropped first.
 *
 * <p>A timeout only marks a host that has sent nothing since the request went out ({@link
 * #markSilent}): on a lossy network one transaction in many times out although its host answers
 * every other one, and skipping such a host would fail every call to it for the whole TTL (a phone
 * reached through its registration has no other hop to fail over to). A refused connection is
 * evidence enough by itself ({@link #mark}).
 *
 * <p>Threading: thread-safe; called on the shards.
 */
final class UnavailableHosts {
    private static final Logger LOG = LoggerFactory.getLogger(UnavailableHosts.class);

    private final long ttlMillis;
    private final Clock clock;
    private final Map<Key, Host> hosts;

    private record Key(Transport transport, InetSocketAddress address) {
    }

    /** A mark (status above 0 until {@code untilMillis}) and when the host was last heard from. */
    private record Host(int status, long untilMillis, long heardAtMillis) {
    }

    UnavailableHosts(Duration ttl, int capacity, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.hosts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Host> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The time on this table's clock, for {@link #markSilent}. */
    long now() {
        return clock.millis();
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
            Host previous = hosts.get(key);
            long heardAt = previous == null ? 0 : previous.heardAtMillis();
            hosts.put(key, new Host(status, clock.millis() + ttlMillis, heardAt));
            if (previous == null || previous.status() == 0) {
                LOG.info("Next hop {} is unavailable ({}); skipping it for {} ms", destination, status, ttlMillis);
            }
        }
    }

    /**
     * A request sent to {@code destination} at {@code sentAtMillis} ({@link #now}) got no response in
     * time: marks it 408 unless it has answered anything since, in which case the request or its
     * answer was lost on the way and the host is fine.
     *
     * @return whether the host was marked
     */
    boolean markSilent(Destination destination, long sentAtMillis) {
        if (ttlMillis == 0) {
            return false;
        }
        Key key = new Key(destination.transport(), destination.address());
        synchronized (hosts) {
            Host host = hosts.get(key);
            if (host != null && host.heardAtMillis() >= sentAtMillis) {
                LOG.debug("No response from {} to one request, but it answered others since; not marking it",
                        destination);
                return false;
            }
        }
        mark(destination, 408);
        return true;
    }

    /** The status a request to {@code destination} counts as while it is skipped, or 0 if it may be tried. */
    int statusOf(Destination destination) {
        Key key = new Key(destination.transport(), destination.address());
        synchronized (hosts) {
            Host host = hosts.get(key);
            if (host == null || host.status() == 0) {
                return 0;
            }
            if (host.untilMillis() <= clock.millis()) {
                hosts.put(key, new Host(0, 0, host.heardAtMillis()));
                return 0;
            }
            return host.status();
        }
    }

    /** A response came from {@code destination}: it is reachable, and heard from now. */
    void heardFrom(Destination destination) {
        if (ttlMillis == 0) {
            return;
        }
        Key key = new Key(destination.transport(), destination.address());
        long now = clock.millis();
        synchronized (hosts) {
            hosts.put(key, new Host(0, 0, now));
        }
    }

    /** Hosts remembered, marked or only heard from. */
    int size() {
        synchronized (hosts) {
            return hosts.size();
        }
    }
}
