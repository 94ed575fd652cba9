package org.switchboard.server.monitoring;

import java.util.Objects;
import java.util.Optional;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.subscribe.PnpSubscription;

/**
 * The server's device inventory, counting into {@link PnpCounters} what plug-and-play records in it:
 * each phone's SUBSCRIBE and each settings file with account data served. Counts after the inventory
 * returns, so what failed to be recorded is not counted. Thread-safe as the inventory it wraps.
 */
public final class CountingDeviceInventory implements DeviceInventory {
    private final DeviceInventory inventory;
    private final PnpCounters counters;

    public CountingDeviceInventory(DeviceInventory inventory, PnpCounters counters) {
        this.inventory = Objects.requireNonNull(inventory);
        this.counters = Objects.requireNonNull(counters);
    }

    @Override
    public int assignedCount() {
        return inventory.assignedCount();
    }

    @Override
    public void recordSubscription(PnpSubscription subscription) {
        inventory.recordSubscription(subscription);
        counters.recordSubscription();
    }

    @Override
    public void recordProvisioned(MacAddress mac, String remoteAddress) {
        inventory.recordProvisioned(mac, remoteAddress);
        counters.recordProvisioned();
    }

    @Override
    public Optional<PhoneSettingsModel> settingsFor(MacAddress mac) {
        return inventory.settingsFor(mac);
    }
}
