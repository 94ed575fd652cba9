package org.switchboard.pnp.settings;

import java.util.List;
import java.util.Objects;
import org.switchboard.pnp.MacAddress;

/**
 * Everything a phone's settings file says, as the device database knows it. Immutable; lists are
 * copied. Nullable fields are named as such; the templates test them explicitly.
 *
 * @param device which phone
 * @param lines its SIP accounts, in key order ({@code idx} 1, 2, ...)
 * @param language the phone's menu language in the vendor's spelling (snom: {@code English})
 * @param timezone the vendor's time zone code (snom: {@code GER+1})
 * @param ntpServer host name or address of the time server
 * @param adminPassword the generated password for the phone's web interface, or {@code null} in a
 *     file without secrets
 * @param busyLampKeys function keys watching colleagues, in key order
 * @param directory the company directory
 * @param firmwareUrl the firmware image the admin set for this model, or {@code null} for none
 */
public record PhoneSettingsModel(Device device, List<Line> lines, String language, String timezone, String ntpServer,
        String adminPassword, List<BusyLampKey> busyLampKeys, List<DirectoryEntry> directory, String firmwareUrl) {

    public PhoneSettingsModel {
        Objects.requireNonNull(device, "device");
        lines = List.copyOf(lines);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(ntpServer, "ntpServer");
        busyLampKeys = List.copyOf(busyLampKeys);
        directory = List.copyOf(directory);
    }

    /**
     * The same phone without account data, admin password, keys or directory: what a file that is
     * fetched without a token may contain.
     */
    public PhoneSettingsModel withoutSecrets() {
        return new PhoneSettingsModel(device, List.of(), language, timezone, ntpServer, null, List.of(), List.of(),
                firmwareUrl);
    }

    /**
     * The phone itself.
     *
     * @param mac its MAC address
     * @param model the vendor's model name as the phone reports it (e.g. {@code snomD785})
     */
    public record Device(MacAddress mac, String model) {
        public Device {
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(model, "model");
        }
    }

    /**
     * One SIP account on the phone.
     *
     * @param userName the SIP user (and authentication user) name
     * @param displayName the name shown to callees
     * @param password the SIP password
     * @param registrarHost the registrar or domain ({@code user_host})
     * @param outboundProxy the outbound proxy, with {@code ;transport=} if wanted, or {@code null}
     * @param expirySeconds the registration interval asked for
     */
    public record Line(String userName, String displayName, String password, String registrarHost,
            String outboundProxy, int expirySeconds) {
        public Line {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(registrarHost, "registrarHost");
            if (expirySeconds <= 0) {
                throw new IllegalArgumentException("expirySeconds must be positive: " + expirySeconds);
            }
        }
    }

    /**
     * A busy-lamp field key: shows whether a colleague is on the phone, picks up their calls.
     *
     * @param label the key's label
     * @param extension the colleague's extension
     * @param domain the SIP domain of the extension
     * @param pickupPrefix the code dialled before the extension for call pickup (e.g. {@code **})
     */
    public record BusyLampKey(String label, String extension, String domain, String pickupPrefix) {
        public BusyLampKey {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(pickupPrefix, "pickupPrefix");
        }
    }

    /**
     * One colleague in the company directory.
     *
     * @param name the display name
     * @param number the extension to dial
     */
    public record DirectoryEntry(String name, String number) {
        public DirectoryEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(number, "number");
        }
    }
}
