package org.switchboard.core.transport.netty;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

/**
 * Settings of the Netty transport layer. Immutable.
 *
 * @param listenPoints where to listen; port 0 binds an ephemeral port
 * @param idleTimeout a connection with no traffic in either direction for this long is closed
 * @param maxStreamMessageSize the largest message accepted on a stream; a larger one is answered 513
 *     Message Too Large and closes the connection
 * @param mtuThreshold a request to a UDP destination larger than this goes over TCP (RFC 3261 §18.1.1)
 * @param maxConnections the most connections open at once, inbound and outbound together
 * @param traceCapacity how many recent messages the message trace keeps
 * @param eventLoopThreads event loop threads; 0 means one per available core, since SIP work is CPU-bound
 *     and every extra loop on a busy core costs context switches and cross-thread hand-offs
 * @param preferEpoll use native epoll when available; otherwise NIO
 * @param maxConnectionsPerSource the most inbound connections one remote IP address may hold open at
 *     once, so that one host cannot take all of {@code maxConnections}; trusted sources are exempt
 * @param firstMessageTimeout an inbound connection that has not delivered a whole first message by
 *     then is closed, so that idle or trickling connections cannot hold slots for {@code idleTimeout}
 */
public record TransportConfig(List<ListenPoint> listenPoints, Duration idleTimeout, int maxStreamMessageSize,
                              int mtuThreshold, int maxConnections, int traceCapacity, int eventLoopThreads,
                              boolean preferEpoll, int maxConnectionsPerSource, Duration firstMessageTimeout) {
    public static final int SIP_PORT = 5060;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_STREAM_MESSAGE_SIZE = 64 * 1024;
    /** RFC 3261 §18.1.1: 200 bytes below an Ethernet MTU of 1500. */
    public static final int DEFAULT_MTU_THRESHOLD = 1300;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_TRACE_CAPACITY = 2000;
    /** Room for an office of phones behind one NAT address on TCP; 1 % of the global limit. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_SOURCE = 100;
    /** A phone sends its first request right after connecting; 20 s allows for a slow link. */
    public static final Duration DEFAULT_FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(20);

    public TransportConfig {
        listenPoints = List.copyOf(listenPoints);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("Idle timeout must be positive: " + idleTimeout);
        }
        if (maxStreamMessageSize < 1024) {
            throw new IllegalArgumentException("Max stream message size below 1024: " + maxStreamMessageSize);
        }
        if (mtuThreshold < 0 || maxConnections <= 0 || traceCapacity <= 0 || eventLoopThreads < 0
                || maxConnectionsPerSource <= 0) {
            throw new IllegalArgumentException("Negative or zero limit in transport config");
        }
        Objects.requireNonNull(firstMessageTimeout, "firstMessageTimeout");
        if (firstMessageTimeout.isNegative() || firstMessageTimeout.isZero()) {
            throw new IllegalArgumentException("First message timeout must be positive: " + firstMessageTimeout);
        }
    }

    /**
     * The defaults: UDP and TCP on {@code 0.0.0.0:5060} and {@code [::]:5060}, 5 minutes idle timeout,
     * 64 KiB messages, 1300 bytes MTU threshold, 10,000 connections (100 per remote address), 20 s
     * for a new connection's first message, 2000 traced messages, one event loop per core, epoll
     * preferred.
     */
    public static TransportConfig defaults() {
        return withListenPoints(List.of(
                new ListenPoint(Transport.UDP, new InetSocketAddress(ipv4Any(), SIP_PORT)),
                new ListenPoint(Transport.TCP, new InetSocketAddress(ipv4Any(), SIP_PORT)),
                new ListenPoint(Transport.UDP, new InetSocketAddress(ipv6Any(), SIP_PORT)),
                new ListenPoint(Transport.TCP, new InetSocketAddress(ipv6Any(), SIP_PORT))));
    }

    /** The defaults with other listen points. */
    public static TransportConfig withListenPoints(List<ListenPoint> listenPoints) {
        return new TransportConfig(listenPoints, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_STREAM_MESSAGE_SIZE,
                DEFAULT_MTU_THRESHOLD, DEFAULT_MAX_CONNECTIONS, DEFAULT_TRACE_CAPACITY, 0, true,
                DEFAULT_MAX_CONNECTIONS_PER_SOURCE, DEFAULT_FIRST_MESSAGE_TIMEOUT);
    }

    public TransportConfig withIdleTimeout(Duration timeout) {
        return new TransportConfig(listenPoints, timeout, maxStreamMessageSize, mtuThreshold, maxConnections,
                traceCapacity, eventLoopThreads, preferEpoll, maxConnectionsPerSource, firstMessageTimeout);
    }

    public TransportConfig withMaxConnections(int max) {
        return new TransportConfig(listenPoints, idleTimeout, maxStreamMessageSize, mtuThreshold, max,
                traceCapacity, eventLoopThreads, preferEpoll, maxConnectionsPerSource, firstMessageTimeout);
    }

    public TransportConfig withTraceCapacity(int capacity) {
        return new TransportConfig(listenPoints, idleTimeout, maxStreamMessageSize, mtuThreshold, maxConnections,
                capacity, eventLoopThreads, preferEpoll, maxConnectionsPerSource, firstMessageTimeout);
    }

    public TransportConfig withEventLoopThreads(int threads) {
        return new TransportConfig(listenPoints, idleTimeout, maxStreamMessageSize, mtuThreshold, maxConnections,
                traceCapacity, threads, preferEpoll, maxConnectionsPerSource, firstMessageTimeout);
    }

    public TransportConfig withPreferEpoll(boolean epoll) {
        return new TransportConfig(listenPoints, idleTimeout, maxStreamMessageSize, mtuThreshold, maxConnections,
                traceCapacity, eventLoopThreads, epoll, maxConnectionsPerSource, firstMessageTimeout);
    }

    public TransportConfig withMaxConnectionsPerSource(int max) {
        return new TransportConfig(listenPoints, idleTimeout, maxStreamMessageSize, mtuThreshold, maxConnections,
                traceCapacity, eventLoopThreads, preferEpoll, max, firstMessageTimeout);
    }

    public TransportConfig withFirstMessageTimeout(Duration timeout) {
        return new TransportConfig(listenPoints, idleTimeout, maxStreamMessageSize, mtuThreshold, maxConnections,
                traceCapacity, eventLoopThreads, preferEpoll, maxConnectionsPerSource, timeout);
    }

    private static InetAddress ipv4Any() {
        return NetUtil.createInetAddressFromIpAddressString("0.0.0.0");
    }

    private static InetAddress ipv6Any() {
        return NetUtil.createInetAddressFromIpAddressString("::");
    }
}
