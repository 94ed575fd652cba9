package org.switchboard.pnp.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.pnp.MacAddress;

/**
 * Maps a request path below {@value ProvisioningUrls#MOUNT} to the file it names:
 * <ul>
 *   <li>{@code /<mac>.xml}: the phone's settings (the URL sent in the NOTIFY and in
 *       {@code setting_server});
 *   <li>{@code /snom<model>-<MAC>.htm}: the phone's settings, as snom phones name them;
 *   <li>{@code /snom<model>.htm}: the generic per-model file, for the phone named by the
 *       {@code mac} query parameter snom phones append;
 *   <li>{@code /<mac>-firmware.xml}: the firmware file.
 * </ul>
 * MACs may be written in any case. Stateless and thread-safe.
 */
public final class ProvisioningRequestResolver {
    private static final String HEX12 = "([0-9A-Fa-f]{12})";
    private static final Pattern SETTINGS_XML = Pattern.compile("/" + HEX12 + "\\.xml");
    private static final Pattern FIRMWARE_XML = Pattern.compile("/" + HEX12 + "-firmware\\.xml");
    private static final Pattern SNOM_PER_MAC = Pattern.compile("/snom[A-Za-z0-9_]+-" + HEX12 + "\\.htm");
    private static final Pattern SNOM_GENERIC = Pattern.compile("/snom[A-Za-z0-9_]+\\.htm");

    /**
     * @param path the path below the mount point, e.g. {@code /000413a1b2c3.xml}
     * @param macParameter the {@code mac} query parameter, or {@code null}
     * @return the file, or empty if the path names none or the generic file lacks a valid MAC
     */
    public Optional<ProvisioningFile> resolve(String path, String macParameter) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = SETTINGS_XML.matcher(path);
        if (m.matches()) {
            return file(ProvisioningFile.Kind.SETTINGS, m.group(1));
        }
        m = FIRMWARE_XML.matcher(path);
        if (m.matches()) {
            return file(ProvisioningFile.Kind.FIRMWARE, m.group(1));
        }
        m = SNOM_PER_MAC.matcher(path);
        if (m.matches()) {
            return file(ProvisioningFile.Kind.SETTINGS, m.group(1));
        }
        if (SNOM_GENERIC.matcher(path).matches()) {
            return file(ProvisioningFile.Kind.GENERIC, macParameter);
        }
        return Optional.empty();
    }

    private static Optional<ProvisioningFile> file(ProvisioningFile.Kind kind, String mac) {
        return MacAddress.parse(mac).map(m -> new ProvisioningFile(kind, m));
    }
}
