package org.switchboard.pnp.inventory;

import org.switchboard.pnp.http.ProvisioningSource;

/**
 * The device database as plug-and-play sees it: the settings of each phone an admin assigned
 * (through {@link ProvisioningSource#settingsFor}) and how many are assigned. The server offers an
 * implementation over its store to the plugin context; without one the plugin uses {@link
 * EmptyInventory}.
 *
 * <p>Blocking (a database); called on Jetty's pool and at plugin start, possibly from several
 * threads at once.
 */
public interface DeviceInventory extends ProvisioningSource {

    /** How many phones are assigned to a user and so get settings. */
    int assignedCount();
}
