package org.switchboard.webadmin.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.DeviceMacs;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Sighting;

/** Phones in a map for page and API tests; assigning to a user not in {@code users} fails as the real one does. Thread-safe. */
public final class InMemoryDevices implements DevicesService {
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final java.util.function.BiPredicate<String, String> userExists;

    /** @param userExists whether {@code (domain, name)} is a user */
    public InMemoryDevices(java.util.function.BiPredicate<String, String> userExists) {
        this.userExists = userExists;
    }

    /** Adds a phone as plug-and-play would have seen it. */
    public void put(Device device) {
        devices.put(device.mac(), device);
    }

    @Override
    public CompletionStage<List<Device>> list() {
        return CompletableFuture.completedFuture(devices.values().stream().sorted(Comparator.comparing(Device::mac))
                .toList());
    }

    @Override
    public CompletionStage<Optional<Device>> find(String mac) {
        return CompletableFuture.completedFuture(Optional.ofNullable(devices.get(DeviceMacs.canonical(mac))));
    }

    @Override
    public CompletionStage<Device> assign(String mac, String domain, String name) {
        if (!userExists.test(domain, name)) {
            return CompletableFuture.failedFuture(new DirectoryException(DirectoryException.Reason.UNKNOWN_USER,
                    "No user " + name + "@" + domain));
        }
        String key = DeviceMacs.canonical(mac);
        Device old = devices.get(key);
        Device now = old == null
                ? new Device(key, "", "", "", null, null, null, null, List.of(new DeviceLine(1, domain, name)))
                : new Device(key, old.vendor(), old.model(), old.firmwareVersion(), old.ipAddress(), old.firstSeen(),
                        old.lastSeen(), old.lastProvisioned(), List.of(new DeviceLine(1, domain, name)));
        devices.put(key, now);
        return CompletableFuture.completedFuture(now);
    }

    @Override
    public CompletionStage<Device> unassign(String mac) {
        Device old = devices.get(DeviceMacs.canonical(mac));
        Device now = new Device(old.mac(), old.vendor(), old.model(), old.firmwareVersion(), old.ipAddress(),
                old.firstSeen(), old.lastSeen(), old.lastProvisioned(), List.of());
        devices.put(now.mac(), now);
        return CompletableFuture.completedFuture(now);
    }

    // plug-and-play's own operations: the pages never call them

    @Override
    public CompletionStage<Device> recordSighting(Sighting sighting) {
        throw new UnsupportedOperationException("plug-and-play only");
    }

    @Override
    public CompletionStage<Void> recordProvisioned(String mac, String ipAddress) {
        throw new UnsupportedOperationException("plug-and-play only");
    }

    @Override
    public CompletionStage<Integer> assignedCount() {
        return CompletableFuture.completedFuture((int) devices.values().stream().filter(d -> !d.lines().isEmpty()).count());
    }

    @Override
    public CompletionStage<DeviceLine> assignNextFree(String mac, String domain, int first, int last) {
        throw new UnsupportedOperationException("plug-and-play only");
    }

    @Override
    public CompletionStage<String> adminPassword(String mac) {
        throw new UnsupportedOperationException("plug-and-play only");
    }

    @Override
    public CompletionStage<Optional<String>> firmwareUrl(String model) {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
