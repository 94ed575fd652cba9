package org.switchboard.pnp.http;

import java.util.Optional;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.settings.PhoneSettingsModel;

/**
 * Where settings come from: the device database joined with the users, keys and directory. The
 * server implements it over its stores.
 *
 * <p>Blocking; called on Jetty's thread pool, possibly from several threads at once.
 */
@FunctionalInterface
public interface ProvisioningSource {

    /**
     * The settings of the phone with this MAC, or empty if the MAC is unknown or not assigned to
     * anyone (such a phone gets no file at all).
     */
    Optional<PhoneSettingsModel> settingsFor(MacAddress mac);
}
