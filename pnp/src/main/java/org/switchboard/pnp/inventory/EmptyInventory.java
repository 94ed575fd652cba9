package org.switchboard.pnp.inventory;

import java.util.Optional;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.settings.PhoneSettingsModel;

/**
 * The inventory of a server without a device database: no phone is assigned, so every settings
 * fetch is answered 404 and no phone ever receives account data. Stateless and thread-safe.
 */
public final class EmptyInventory implements DeviceInventory {

    @Override
    public Optional<PhoneSettingsModel> settingsFor(MacAddress mac) {
        return Optional.empty();
    }

    @Override
    public int assignedCount() {
        return 0;
    }
}
