package org.switchboard.pnp.devices;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.subscribe.PnpSubscription;

/**
 * The {@link DeviceInventory} of a running server, over the plugins' {@link DevicesService} and
 * {@link UserAccounts}. A phone that asks is recorded; one without a user is, by the live {@link
 * PnpPolicy} read for each phone, either left for an admin ({@code switchboard device assign}) or
 * given the next free extension of the range in the first domain (by name).
 *
 * <p>Thread-safe. {@link #recordSubscription} never blocks; the other methods block (they wait for
 * the devices service) and run on Jetty's threads and at plugin start.
 */
public final class ServiceInventory implements DeviceInventory {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceInventory.class);

    private final DevicesService devices;
    private final UserAccounts users;
    private final Supplier<PnpPolicy> policy;
    private final PhoneSettingsAssembler settings;
    private final Executor blocking;

    /**
     * @param policy the live policy for phones without a user, read for each phone that asks
     * @param blocking the bounded executor for the user directory's blocking calls
     */
    public ServiceInventory(DevicesService devices, UserAccounts users, Supplier<PnpPolicy> policy,
            PhoneSettingsAssembler settings, Executor blocking) {
        this.devices = devices;
        this.users = users;
        this.policy = policy;
        this.settings = settings;
        this.blocking = blocking;
    }

    @Override
    public Optional<PhoneSettingsModel> settingsFor(MacAddress mac) {
        return settings.settingsFor(mac);
    }

    @Override
    public int assignedCount() {
        return Await.result(devices.assignedCount());
    }

    @Override
    public void recordProvisioned(MacAddress mac, String remoteAddress) {
        Await.result(devices.recordProvisioned(mac.value(), remoteAddress));
    }

    @Override
    public CompletionStage<Void> recordSubscription(PnpSubscription subscription) {
        Sighting sighting = new Sighting(subscription.mac().value(), subscription.vendor(), subscription.model(),
                subscription.firmwareVersion(), subscription.flow().remote().getAddress().getHostAddress());
        // the user directory blocks: the policy is applied on the blocking executor, never on the caller's thread
        return devices.recordSighting(sighting).thenComposeAsync(this::assignIfWanted, blocking);
    }

    private CompletionStage<Void> assignIfWanted(Device device) {
        if (device.assigned()) {
            return CompletableFuture.completedFuture(null);
        }
        PnpPolicy current = policy.get();
        if (current.assign() == PnpAssignment.NONE) {
            LOG.info("PnP: phone {} waits for an admin to assign it a user: switchboard device assign {} "
                    + "<user>@<domain>", device.mac(), device.mac());
            return CompletableFuture.completedFuture(null);
        }
        List<Domain> domains = users.domains();
        if (domains.isEmpty()) {
            LOG.warn("PnP: phone {} cannot be assigned automatically: there is no SIP domain yet", device.mac());
            return CompletableFuture.completedFuture(null);
        }
        ExtensionRange range = current.extensionRange();
        return devices.assignNextFree(device.mac(), domains.get(0).name(), range.first(), range.last())
                .handle((line, failure) -> {
                    if (failure == null) {
                        LOG.info("PnP: phone {} is now {}", device.mac(), line.address());
                        return null;
                    }
                    RuntimeException cause = Await.unwrap(failure);
                    if (cause instanceof DeviceException) {
                        LOG.warn("PnP: {}", cause.getMessage());
                        return null;
                    }
                    throw cause;
                });
    }
}
