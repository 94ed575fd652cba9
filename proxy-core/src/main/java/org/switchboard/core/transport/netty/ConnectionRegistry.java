package org.switchboard.core.transport.netty;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;
import org.switchboard.core.transport.Transport;

/**
 * The open stream connections, by id and by transport and remote address (a TCP and a TLS
 * connection to one address are different ways there), bounded in number, in total and per
 * remote IP address for inbound connections. A connection leaves the registry when it closes.
 * Thread-safe: connections register on their event loops and senders look them up from any thread.
 */
final class ConnectionRegistry {
    private static final AttributeKey<Long> CONNECTION_ID = AttributeKey.valueOf(ConnectionRegistry.class,
            "connectionId");
    private static final AttributeKey<Transport> TRANSPORT = AttributeKey.valueOf(ConnectionRegistry.class,
            "transport");

    private final ConcurrentHashMap<Long, Channel> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Remote, Channel> byRemote = new ConcurrentHashMap<>();
    /** Inbound connections per remote IP address, for those limited; an address with none has no entry. */
    private final ConcurrentHashMap<InetAddress, Integer> inboundBySource = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTracker.class);
    /** Refusals, logged at most once a minute per kind so that a connection flood does not flood the log. */
    private final RateLimitedLog fullRefusals = RateLimitedLog.of(LOG, RateLimitedLog.Level.WARN,
            "Refused connections", Duration.ofMinutes(1));
    private final RateLimitedLog sourceFullRefusals = RateLimitedLog.of(LOG, RateLimitedLog.Level.WARN,
            "Refused connections", Duration.ofMinutes(1));
    private final int maxConnections;
    private final int maxPerSource;

    /** A connection's transport and remote address. */
    private record Remote(Transport transport, InetSocketAddress address) {
    }

    /** What {@link #register} decided. */
    enum Admission {
        ADMITTED,
        /** {@code maxConnections} are open. */
        FULL,
        /** The remote address holds {@code maxPerSource} inbound connections. */
        SOURCE_FULL
    }

    ConnectionRegistry(int maxConnections, int maxPerSource) {
        this.maxConnections = maxConnections;
        this.maxPerSource = maxPerSource;
    }

    /**
     * Registers an active connection and gives it an id; the newest connection to a remote address is
     * the one {@link #openTo} returns. Registers nothing if the registry is full or, for a connection
     * counted per source, its remote address already holds the most it may.
     *
     * @param perSource whether the connection counts towards its remote address's limit (inbound
     *     connections from sources that are not trusted)
     */
    Admission register(Channel channel, Transport transport, boolean perSource) {
        if (byId.size() >= maxConnections) {
            return Admission.FULL;
        }
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        InetAddress source = remote.getAddress();
        if (perSource && !takeSourceSlot(source)) {
            return Admission.SOURCE_FULL;
        }
        long id = lastId.incrementAndGet();
        channel.attr(CONNECTION_ID).set(id);
        byId.put(id, channel);
        channel.attr(TRANSPORT).set(transport);
        Remote key = new Remote(transport, remote);
        byRemote.put(key, channel);
        channel.closeFuture().addListener(f -> {
            byId.remove(id);
            byRemote.remove(key, channel);
            if (perSource) {
                inboundBySource.computeIfPresent(source, (k, n) -> n <= 1 ? null : n - 1);
            }
        });
        return Admission.ADMITTED;
    }

    private boolean takeSourceSlot(InetAddress source) {
        boolean[] taken = {false};
        inboundBySource.compute(source, (k, n) -> {
            int open = n == null ? 0 : n;
            if (open >= maxPerSource) {
                return n;
            }
            taken[0] = true;
            return open + 1;
        });
        return taken[0];
    }

    /** Inbound connections counted for {@code source} now. */
    int inboundFrom(InetAddress source) {
        return inboundBySource.getOrDefault(source, 0);
    }

    int maxPerSource() {
        return maxPerSource;
    }

    /** The log of refusals of this kind. */
    RateLimitedLog refusals(Admission refusal) {
        return refusal == Admission.SOURCE_FULL ? sourceFullRefusals : fullRefusals;
    }

    /** Whether another connection may be opened. */
    boolean hasRoom() {
        return byId.size() < maxConnections;
    }

    /** The connection's id, or 0 if it is not registered. */
    static long idOf(Channel channel) {
        Long id = channel.attr(CONNECTION_ID).get();
        return id == null ? 0 : id;
    }

    /** The connection with that id if it is still open and of that transport, else {@code null}. */
    Channel open(long id, Transport transport) {
        Channel channel = id == 0 ? null : byId.get(id);
        return channel != null && channel.isActive() && channel.attr(TRANSPORT).get() == transport ? channel : null;
    }

    /** An open connection of that transport to that remote address, else {@code null}. */
    Channel openTo(Transport transport, InetSocketAddress remote) {
        Channel channel = byRemote.get(new Remote(transport, remote));
        return channel != null && channel.isActive() ? channel : null;
    }

    int size() {
        return byId.size();
    }
}
