package org.switchboard.server.monitoring;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.Sighting;

/**
 * The plugins' devices service, counting into {@link PnpCounters} what plug-and-play records in it:
 * each phone's SUBSCRIBE and each settings file with account data served. Counts when the record
 * succeeded, so what failed to be recorded is not counted. Thread-safe as the service it wraps.
 */
public final class CountingDevices implements DevicesService {
    private final DevicesService devices;
    private final PnpCounters counters;

    public CountingDevices(DevicesService devices, PnpCounters counters) {
        this.devices = Objects.requireNonNull(devices);
        this.counters = Objects.requireNonNull(counters);
    }

    @Override
    public CompletionStage<Device> recordSighting(Sighting sighting) {
        return devices.recordSighting(sighting).thenApply(device -> {
            counters.recordSubscription();
            return device;
        });
    }

    @Override
    public CompletionStage<Void> recordProvisioned(String mac, String ipAddress) {
        return devices.recordProvisioned(mac, ipAddress).thenRun(counters::recordProvisioned);
    }

    @Override
    public CompletionStage<List<Device>> list() {
        return devices.list();
    }

    @Override
    public CompletionStage<Optional<Device>> find(String mac) {
        return devices.find(mac);
    }

    @Override
    public CompletionStage<Device> assign(String mac, String domain, String name) {
        return devices.assign(mac, domain, name);
    }

    @Override
    public CompletionStage<Device> unassign(String mac) {
        return devices.unassign(mac);
    }

    @Override
    public CompletionStage<Integer> assignedCount() {
        return devices.assignedCount();
    }

    @Override
    public CompletionStage<DeviceLine> assignNextFree(String mac, String domain, int first, int last) {
        return devices.assignNextFree(mac, domain, first, last);
    }

    @Override
    public CompletionStage<String> adminPassword(String mac) {
        return devices.adminPassword(mac);
    }

    @Override
    public CompletionStage<Optional<String>> firmwareUrl(String model) {
        return devices.firmwareUrl(model);
    }
}
