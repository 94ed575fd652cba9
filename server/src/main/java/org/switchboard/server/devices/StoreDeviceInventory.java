package org.switchboard.server.devices;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.subscribe.PnpSubscription;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.server.config.PnpAssignment;
import org.switchboard.server.config.PnpSettings;

/**
 * The {@link DeviceInventory} of a running server, over the registrar's {@link DeviceRegistry}
 * and {@link UserDirectory}. A phone that asks is recorded; one without a user is, by the
 * configured {@link PnpAssignment}, either left for an admin ({@code switchboard device assign})
 * or given the next free extension of the range in the first domain (by name), after which
 * {@code directoryChanged} runs so the proxy routes to the new user.
 *
 * <p>Every method blocks (database); thread-safe.
 */
public final class StoreDeviceInventory implements DeviceInventory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDeviceInventory.class);

    private final DeviceRegistry devices;
    private final UserDirectory users;
    private final PnpSettings pnp;
    private final PhoneSettingsAssembler settings;

    public StoreDeviceInventory(DeviceRegistry devices, UserDirectory users, PnpSettings pnp,
            PhoneSettingsAssembler settings) {
        this.devices = devices;
        this.users = users;
        this.pnp = pnp;
        this.settings = settings;
    }

    @Override
    public Optional<PhoneSettingsModel> settingsFor(MacAddress mac) {
        return settings.settingsFor(mac);
    }

    @Override
    public int assignedCount() {
        return devices.assignedCount();
    }

    @Override
    public void recordProvisioned(MacAddress mac, String remoteAddress) {
        devices.recordProvisioned(mac.value(), remoteAddress);
    }

    @Override
    public void recordSubscription(PnpSubscription subscription) {
        Device device = devices.recordSighting(new Sighting(subscription.mac().value(), subscription.vendor(),
                subscription.model(), subscription.firmwareVersion(),
                subscription.flow().remote().getAddress().getHostAddress()));
        if (device.assigned()) {
            return;
        }
        if (pnp.assignment() == PnpAssignment.NONE) {
            LOG.info("PnP: phone {} waits for an admin to assign it a user: switchboard device assign {} "
                    + "<user>@<domain>", device.mac(), device.mac());
            return;
        }
        List<Domain> domains = users.domains();
        if (domains.isEmpty()) {
            LOG.warn("PnP: phone {} cannot be assigned automatically: there is no SIP domain yet", device.mac());
            return;
        }
        try {
            DeviceLine line = devices.assignNextFree(device.mac(), domains.get(0).name(), pnp.extensions());
            LOG.info("PnP: phone {} is now {}", device.mac(), line.address());
        } catch (DeviceException e) {
            LOG.warn("PnP: {}", e.getMessage());
        }
    }
}
