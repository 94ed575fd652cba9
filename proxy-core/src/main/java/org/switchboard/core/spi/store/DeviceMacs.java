package org.switchboard.core.spi.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a MAC address in the inventory: 12 lower-case hex digits. Accepts what admins
 * type ({@code 000413AABBCC}, {@code 00:04:13:aa:bb:cc}, {@code 00-04-13-AA-BB-CC}). Stateless.
 */
public final class DeviceMacs {
    private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");

    private DeviceMacs() {
    }

    /**
     * The canonical form of {@code text}.
     *
     * @throws DeviceException {@link DeviceException.Reason#BAD_MAC} if it is not a MAC address
     */
    public static String canonical(String text) {
        String hex = text == null ? "" : text.strip().replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
        if (!HEX12.matcher(hex).matches()) {
            throw new DeviceException(DeviceException.Reason.BAD_MAC,
                    "'" + text + "' is not a MAC address like 000413aabbcc");
        }
        return hex;
    }
}
