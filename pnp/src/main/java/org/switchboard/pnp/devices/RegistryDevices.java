package org.switchboard.pnp.devices;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.switchboard.core.spi.service.BlockingCalls;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.Sighting;

/**
 * The phone inventory as the plugins' {@link DevicesService}: each call runs the {@link
 * DeviceRegistry}'s blocking method on the given bounded executor.
 *
 * <p>Threading: as {@link DevicesService}; never blocks the caller. Thread-safe.
 */
public final class RegistryDevices implements DevicesService {
    private final DeviceRegistry devices;
    private final Executor blocking;

    /** @param blocking a bounded executor for database work; a saturated one fails the stage */
    public RegistryDevices(DeviceRegistry devices, Executor blocking) {
        this.devices = devices;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<List<Device>> list() {
        return BlockingCalls.supply(blocking, devices::list);
    }

    @Override
    public CompletionStage<Optional<Device>> find(String mac) {
        return BlockingCalls.supply(blocking, () -> devices.find(mac));
    }

    @Override
    public CompletionStage<Device> assign(String mac, String domain, String name) {
        return BlockingCalls.supply(blocking, () -> devices.assign(mac, domain, name));
    }

    @Override
    public CompletionStage<Device> unassign(String mac) {
        return BlockingCalls.supply(blocking, () -> devices.unassign(mac));
    }

    @Override
    public CompletionStage<Device> recordSighting(Sighting sighting) {
        return BlockingCalls.supply(blocking, () -> devices.recordSighting(sighting));
    }

    @Override
    public CompletionStage<Void> recordProvisioned(String mac, String ipAddress) {
        return BlockingCalls.supply(blocking, () -> {
            devices.recordProvisioned(mac, ipAddress);
            return null;
        });
    }

    @Override
    public CompletionStage<Integer> assignedCount() {
        return BlockingCalls.supply(blocking, devices::assignedCount);
    }

    @Override
    public CompletionStage<DeviceLine> assignNextFree(String mac, String domain, int first, int last) {
        return BlockingCalls.supply(blocking, () -> devices.assignNextFree(mac, domain, new ExtensionRange(first, last)));
    }

    @Override
    public CompletionStage<String> adminPassword(String mac) {
        return BlockingCalls.supply(blocking, () -> devices.adminPassword(mac));
    }

    @Override
    public CompletionStage<Optional<String>> firmwareUrl(String model) {
        return BlockingCalls.supply(blocking, () -> devices.firmwareUrl(model));
    }
}
