package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * What a phone said about itself when it asked for its settings. Immutable.
 *
 * @param mac the canonical MAC ({@link DeviceMacs#canonical})
 * @param vendor the vendor it reported, or {@code ""}
 * @param model the model it reported, or {@code ""}
 * @param firmwareVersion the firmware version it reported, or {@code ""}
 * @param ipAddress the address it asked from
 */
public record Sighting(String mac, String vendor, String model, String firmwareVersion, String ipAddress) {

    public Sighting {
        mac = DeviceMacs.canonical(mac);
        vendor = clip(vendor);
        model = clip(model);
        firmwareVersion = clip(firmwareVersion);
        Objects.requireNonNull(ipAddress, "ipAddress");
    }

    /** Phones choose these strings; the columns hold 64 characters. */
    private static String clip(String value) {
        Objects.requireNonNull(value);
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
