package org.switchboard.pnp.inventory;

import java.util.Optional;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.subscribe.PnpSubscription;

/**
 * The inventory of a server without a device database: no phone is assigned, so every settings
 * fetch is answered 404 and no phone ever receives account data; nothing is recorded. Stateless
 * and thread-safe.
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

    @Override
    public void recordSubscription(PnpSubscription subscription) {
        // no database to record in; the plugin has logged the request
    }

    @Override
    public void recordProvisioned(MacAddress mac, String remoteAddress) {
        // never called: a phone without settings is never provisioned
    }
}
