package org.switchboard.pnp.settings;

/**
 * URLs back to this server that a settings file carries. They depend on the address the phone
 * used and carry fresh tokens, so the HTTP side makes them per fetch rather than the database.
 * Immutable.
 *
 * @param settingServerUrl where the phone fetches its settings on later boots ({@code
 *     setting_server}), or {@code null} to leave it out
 * @param firmwareStatusUrl the firmware file's URL ({@code firmware_status}), or {@code null} when
 *     no firmware is set
 */
public record ProvisioningLinks(String settingServerUrl, String firmwareStatusUrl) {
}
