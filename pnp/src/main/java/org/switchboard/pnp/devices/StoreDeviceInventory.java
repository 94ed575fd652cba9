package org.switchboard.pnp.devices;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.subscribe.PnpSubscription;

/**
 * The {@link DeviceInventory} of a running server, over the {@link DeviceRegistry} and the
 * {@link UserAccounts}. A phone that asks is recorded; one without a user is, by the
 * configured {@link PnpAssignment}, either left for an admin ({@code switchboard device assign})
 * or given the next free extension of the range in the first domain (by name), after which
 * {@code directoryChanged} runs so the proxy routes to the new user.
 *
 * <p>Every method blocks (database); thread-safe.
 */
public final class StoreDeviceInventory implements DeviceInventory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDeviceInventory.class);

    private final DeviceRegistry devices;
    private final UserAccounts users;
    private final PnpAssignment assignment;
    private final ExtensionRange extensions;
    private final PhoneSettingsAssembler settings;

    /**
     * @param assignment what happens to a phone that asks and has no user
     * @param extensions the extensions {@link PnpAssignment#AUTO} assigns from, lowest first
     */
    public StoreDeviceInventory(DeviceRegistry devices, UserAccounts users, PnpAssignment assignment,
            ExtensionRange extensions, PhoneSettingsAssembler settings) {
        this.devices = devices;
        this.users = users;
        this.assignment = assignment;
        this.extensions = extensions;
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
        if (assignment == PnpAssignment.NONE) {
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
            DeviceLine line = devices.assignNextFree(device.mac(), domains.get(0).name(), extensions);
            LOG.info("PnP: phone {} is now {}", device.mac(), line.address());
        } catch (DeviceException e) {
            LOG.warn("PnP: {}", e.getMessage());
        }
    }
}
