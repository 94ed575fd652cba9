package org.switchboard.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.switchboard.accounts.bruteforce.Cidr;

/**
 * Protection against password guessing and connection floods. Immutable.
 *
 * @param trustedNetworks sources never blocked, banned or limited per source (the office LAN, a
 *     trusted gateway); IPv4 and IPv6 networks
 * @param banAction what happens to what a banned source sends
 * @param tcpConnectionsPerSource the most TCP connections one IP address may hold open, at least 1
 * @param tcpFirstMessageTimeout how long a new TCP connection may take to send its first whole
 *     message before it is closed, at least a second
 */
public record GuardSettings(List<Cidr> trustedNetworks, BanAction banAction, int tcpConnectionsPerSource,
        Duration tcpFirstMessageTimeout) {
    /** Connections one address may hold unless configured otherwise. */
    public static final int DEFAULT_TCP_CONNECTIONS_PER_SOURCE = 100;
    /** Seconds a new connection has for its first message unless configured otherwise. */
    public static final int DEFAULT_TCP_FIRST_MESSAGE_SECONDS = 20;

    /** @throws IllegalArgumentException for a limit below 1 or a timeout under a second */
    public GuardSettings {
        trustedNetworks = List.copyOf(trustedNetworks);
        Objects.requireNonNull(banAction, "banAction");
        if (tcpConnectionsPerSource < 1) {
            throw new IllegalArgumentException("TCP connections per source must be at least 1, not "
                    + tcpConnectionsPerSource);
        }
        if (tcpFirstMessageTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the TCP first message timeout must be at least 1 second, not "
                    + tcpFirstMessageTimeout.toSeconds());
        }
    }

    /** No trusted networks, bans dropped, 100 connections per address, 20 s for the first message. */
    public static GuardSettings defaults() {
        return new GuardSettings(List.of(), BanAction.DROP, DEFAULT_TCP_CONNECTIONS_PER_SOURCE,
                Duration.ofSeconds(DEFAULT_TCP_FIRST_MESSAGE_SECONDS));
    }
}
