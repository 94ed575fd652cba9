package org.switchboard.pnp.devices;

import java.util.Objects;

/**
 * The settings every provisioned phone gets that are not stored per device yet. Immutable.
 *
 * @param language the menu language in snom's spelling
 * @param timezone snom's time zone code
 * @param ntpServer the time server
 * @param expirySeconds the registration interval phones ask for ({@code user_expiry})
 * @param busyLampKeys how many colleagues get a busy-lamp key
 * @param pickupPrefix what a busy-lamp key dials before the extension to pick up a call
 */
public record ProvisioningDefaults(String language, String timezone, String ntpServer, int expirySeconds,
        int busyLampKeys, String pickupPrefix) {

    public ProvisioningDefaults {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(ntpServer, "ntpServer");
        Objects.requireNonNull(pickupPrefix, "pickupPrefix");
        if (expirySeconds <= 0 || busyLampKeys < 0) {
            throw new IllegalArgumentException("expiry must be positive and the key count not negative");
        }
    }

    /**
     * English menus, UTC with UK summer time ({@code GBR-0}), {@code pool.ntp.org}, registration
     * every hour, eight busy-lamp keys with the {@code *8} pickup prefix, the presence module's default pickup code. Documented in {@code
     * docs/provisioning.md}; a template override changes any of them.
     */
    public static ProvisioningDefaults standard() {
        return new ProvisioningDefaults("English", "GBR-0", "pool.ntp.org", 3600, 8, "*8");
    }
}
