package org.switchboard.pnp.subscribe;

import java.net.InetAddress;

/**
 * Makes the settings URL a NOTIFY hands to a phone. The server wires this to the HTTP side (which
 * adds a fresh fetch token and picks the base address: a configured external URL, or the address
 * of the interface the SUBSCRIBE arrived on).
 *
 * <p>Called on the thread that handles the SUBSCRIBE; must not block.
 */
@FunctionalInterface
public interface SettingsUrls {

    /**
     * The URL from which {@code subscription}'s phone is to fetch its settings.
     *
     * @param server our address on the interface the SUBSCRIBE arrived on
     */
    String settingsUrlFor(PnpSubscription subscription, InetAddress server);
}
