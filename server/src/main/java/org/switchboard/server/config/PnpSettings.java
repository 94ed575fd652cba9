package org.switchboard.server.config;

import java.util.List;

/**
 * Phone plug-and-play: whether the {@code pnp} plugin runs and where the server listens for the SIP
 * multicast group phones send their SUBSCRIBE to. What happens to phones nobody assigned yet is the
 * live settings section {@code pnp} ({@link org.switchboard.pnp.devices.PnpPolicy}). Immutable.
 *
 * @param enabled whether the {@code pnp} plugin is started
 * @param multicast whether to listen on the group at all (phones can still be pointed at the server
 *     by unicast)
 * @param interfaces the interfaces to join the group on, by name; empty for every interface that is
 *     up, multicast-capable and has an IPv4 address
 * @param multicastPort the group's UDP port; phones use 5060
 */
public record PnpSettings(boolean enabled, boolean multicast, List<String> interfaces, int multicastPort) {
    /** The port phones send plug-and-play SUBSCRIBEs to. */
    public static final int DEFAULT_MULTICAST_PORT = 5060;

    /** @throws IllegalArgumentException for a port out of range or a blank interface name */
    public PnpSettings {
        if (multicastPort < ServerConfig.MIN_PORT || multicastPort > ServerConfig.MAX_PORT) {
            throw new IllegalArgumentException("PnP multicast port " + multicastPort + " is not between "
                    + ServerConfig.MIN_PORT + " and " + ServerConfig.MAX_PORT);
        }
        interfaces = List.copyOf(interfaces);
        if (interfaces.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("blank network interface name in " + interfaces);
        }
    }
}
