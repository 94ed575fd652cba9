package org.switchboard.pnp;

import java.util.Locale;
import java.util.Optional;

/**
 * A device's Ethernet MAC address, normalised to 12 lower-case hex digits without separators
 * ({@code 000413a1b2c3}), the form used as the device's key throughout provisioning.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the 12 lower-case hex digits
 */
public record MacAddress(String value) {

    private static final int HEX_DIGITS = 12;

    public MacAddress {
        if (!isNormalised(value)) {
            throw new IllegalArgumentException("Not a normalised MAC address: " + value);
        }
    }

    /**
     * Parses a MAC written as 12 hex digits in any case, optionally grouped by {@code :} or
     * {@code -} ({@code 00:04:13:A1:B2:C3}).
     *
     * @return the address, or empty if {@code text} is not one
     */
    public static Optional<MacAddress> parse(String text) {
        if (text == null || text.length() > 17) {
            return Optional.empty();
        }
        StringBuilder hex = new StringBuilder(HEX_DIGITS);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 128) {
                hex.append(Character.toLowerCase(c));
            } else if (c != ':' && c != '-') {
                return Optional.empty();
            }
        }
        if (hex.length() != HEX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(new MacAddress(hex.toString()));
    }

    private static boolean isNormalised(String value) {
        if (value == null || value.length() != HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < HEX_DIGITS; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The address in upper case, as snom writes it in file names ({@code 000413A1B2C3}). */
    public String upperCase() {
        return value.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
