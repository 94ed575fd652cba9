package org.switchboard.core.transport.netty;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open stream connections, by id and by remote address, bounded in number. A connection leaves
 * the registry when it closes. Thread-safe: connections register on their event loops and senders
 * look them up from any thread.
 */
final class ConnectionRegistry {
    private static final AttributeKey<Long> CONNECTION_ID = AttributeKey.valueOf(ConnectionRegistry.class,
            "connectionId");

    private final ConcurrentHashMap<Long, Channel> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, Channel> byRemote = new ConcurrentHashMap<>();
    private static final long FULL_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong lastId = new AtomicLong();
    private final AtomicLong lastFullWarning = new AtomicLong(System.nanoTime() - FULL_WARNING_INTERVAL_NANOS);
    private final int maxConnections;

    ConnectionRegistry(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * Registers an active connection and gives it an id; the newest connection to a remote address is
     * the one {@link #openTo} returns. Returns {@code false}, registering nothing, if the registry is full.
     */
    boolean register(Channel channel) {
        if (byId.size() >= maxConnections) {
            return false;
        }
        long id = lastId.incrementAndGet();
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        channel.attr(CONNECTION_ID).set(id);
        byId.put(id, channel);
        byRemote.put(remote, channel);
        channel.closeFuture().addListener(f -> {
            byId.remove(id);
            byRemote.remove(remote, channel);
        });
        return true;
    }

    /**
     * Whether a refusal because the registry is full should be logged as a warning: at most once a
     * minute, so that a connection flood does not flood the log too.
     */
    boolean shouldWarnFull() {
        long now = System.nanoTime();
        long last = lastFullWarning.get();
        return now - last >= FULL_WARNING_INTERVAL_NANOS && lastFullWarning.compareAndSet(last, now);
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

    /** The connection with that id if it is still open, else {@code null}. */
    Channel open(long id) {
        Channel channel = id == 0 ? null : byId.get(id);
        return channel != null && channel.isActive() ? channel : null;
    }

    /** An open connection to that remote address, else {@code null}. */
    Channel openTo(InetSocketAddress remote) {
        Channel channel = byRemote.get(remote);
        return channel != null && channel.isActive() ? channel : null;
    }

    int size() {
        return byId.size();
    }
}
