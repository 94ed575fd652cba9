package org.switchboard.pnp.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.settings.InMemorySettingsStore;
import org.switchboard.core.spi.settings.StoredSettings;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.core.spi.store.User;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.subscribe.PnpSubscription;

/** Plug-and-play's inventory over the devices and users services, with the live {@code pnp} section. */
class ServiceInventoryTest {
    private final StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(),
            List.of(PnpPolicy.SECTION), List.of());
    private final Devices devices = new Devices();
    private final ServiceInventory inventory = new ServiceInventory(devices, new OneDomain(),
            () -> settings.current(PnpPolicy.SECTION), new PhoneSettingsAssembler(devices, new OneDomain(), null,
                    ProvisioningDefaults.standard()), Runnable::run);

    @Test
    void aChangedAssignmentPolicyAppliesToTheNextPhoneThatAsks() {
        inventory.recordSubscription(subscription("000413000001")).toCompletableFuture().join();

        settings.update(PnpPolicy.SECTION, Map.of("assign", "auto", "extensions", "300-309"), "test");
        inventory.recordSubscription(subscription("000413000002")).toCompletableFuture().join();

        assertThat(devices.sighted).containsExactly("000413000001", "000413000002");
        assertThat(devices.assigned).containsExactly("000413000002 example.com 300-309");
    }

    @Test
    void theExtensionRangeIsCheckedAsTheServerChecksIt() {
        assertThat(PnpPolicy.SECTION.defaults()).isEqualTo(new PnpPolicy(PnpAssignment.NONE, "200-299"));
        assertThat(new PnpPolicy(PnpAssignment.AUTO, " 300-309 ").extensionRange()).isEqualTo(new ExtensionRange(300, 309));
        assertThatThrownBy(() -> new PnpPolicy(PnpAssignment.AUTO, "300..309"))
                .hasMessage("extensions: '300..309' is not an extension range like 200-299");
    }

    private static PnpSubscription subscription(String mac) {
        return new PnpSubscription(MacAddress.parse(mac).orElseThrow(), "snom", "snomD785", "10.1.54",
                NameAddr.parse("<sip:192.0.2.67:5060>"), new Flow(Transport.UDP,
                        new InetSocketAddress("224.0.1.75", 5060), new InetSocketAddress("192.0.2.67", 5060), 0));
    }

    /** Phones in memory; completes every stage at once. */
    private static final class Devices implements DevicesService {
        final List<String> sighted = new ArrayList<>();
        final List<String> assigned = new ArrayList<>();
        final Map<String, Device> phones = new HashMap<>();

        @Override
        public CompletionStage<Device> recordSighting(Sighting sighting) {
            sighted.add(sighting.mac());
            Device device = new Device(sighting.mac(), sighting.vendor(), sighting.model(), sighting.firmwareVersion(),
                    sighting.ipAddress(), Instant.EPOCH, Instant.EPOCH, null, List.of());
            phones.put(sighting.mac(), device);
            return CompletableFuture.completedFuture(device);
        }

        @Override
        public CompletionStage<DeviceLine> assignNextFree(String mac, String domain, int first, int last) {
            assigned.add(mac + " " + domain + " " + first + "-" + last);
            return CompletableFuture.completedFuture(new DeviceLine(1, domain, String.valueOf(first)));
        }

        @Override
        public CompletionStage<Void> recordProvisioned(String mac, String ipAddress) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Integer> assignedCount() {
            return CompletableFuture.completedFuture(assigned.size());
        }

        @Override
        public CompletionStage<String> adminPassword(String mac) {
            return CompletableFuture.completedFuture("admin");
        }

        @Override
        public CompletionStage<Optional<String>> firmwareUrl(String model) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<List<Device>> list() {
            return CompletableFuture.completedFuture(List.copyOf(phones.values()));
        }

        @Override
        public CompletionStage<Optional<Device>> find(String mac) {
            return CompletableFuture.completedFuture(Optional.ofNullable(phones.get(mac)));
        }

        @Override
        public CompletionStage<Device> assign(String mac, String domain, String name) {
            throw new UnsupportedOperationException("not used by plug-and-play");
        }

        @Override
        public CompletionStage<Device> unassign(String mac) {
            throw new UnsupportedOperationException("not used by plug-and-play");
        }
    }

    /** The domain example.com without users. */
    private static final class OneDomain implements UserAccounts {
        @Override
        public List<Domain> domains() {
            return List.of(new Domain("example.com"));
        }

        @Override
        public List<User> users(String domain) {
            return List.of();
        }

        @Override
        public Optional<User> user(String domain, String name) {
            return Optional.empty();
        }

        @Override
        public String password(String domain, String name) {
            throw new UnsupportedOperationException("no users");
        }

        @Override
        public NewCredentials addUserWithGeneratedPassword(String domain, String name, String displayName) {
            throw new UnsupportedOperationException("not used by plug-and-play");
        }

        @Override
        public void removeUser(String domain, String name) {
            throw new UnsupportedOperationException("not used by plug-and-play");
        }
    }
}
