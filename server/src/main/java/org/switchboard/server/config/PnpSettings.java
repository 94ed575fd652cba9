package org.switchboard.server.config;

import java.util.List;
import java.util.Objects;
import org.switchboard.pnp.devices.ExtensionRange;
import org.switchboard.pnp.devices.PnpAssignment;

/**
 * Phone plug-and-play: whether the {@code pnp} plugin runs, where the server listens for the SIP
 * multicast group phones send their SUBSCRIBE to, and what happens to phones nobody assigned yet.
 * Immutable.
 *
 * @param enabled whether the {@code pnp} plugin is started
 * @param multicast whether to listen on the group at all (phones can still be pointed at the server
 *     by unicast)
 * @param interfaces the interfaces to join the group on, by name; empty for every interface that is
 *     up, multicast-capable and has an IPv4 address
 * @param multicastPort the group's UDP port; phones use 5060
 * @param assignment the policy for discovered phones
 * @param extensions the extensions {@link PnpAssignment#AUTO} assigns from, lowest first
 */
public record PnpSettings(boolean enabled, boolean multicast, List<String> interfaces, int multicastPort,
        PnpAssignment assignment, ExtensionRange extensions) {
    /** The port phones send plug-and-play SUBSCRIBEs to. */
    public static final int DEFAULT_MULTICAST_PORT = 5060;
    /** The extensions automatic assignment uses unless configured otherwise. */
    public static final ExtensionRange DEFAULT_EXTENSIONS = new ExtensionRange(200, 299);

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
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** Plug-and-play with discovered phones left for an admin to assign. */
    public PnpSettings(boolean enabled, boolean multicast, List<String> interfaces, int multicastPort) {
        this(enabled, multicast, interfaces, multicastPort, PnpAssignment.NONE, DEFAULT_EXTENSIONS);
    }
}
