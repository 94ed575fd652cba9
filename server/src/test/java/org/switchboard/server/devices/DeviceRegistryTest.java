package org.switchboard.server.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.accounts.directory.PasswordGenerator;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.pnp.devices.ExtensionRange;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.store.devices.JdbcDeviceStore;
import org.switchboard.testkit.time.ManualClock;

/**
 * The inventory as the server wires it, over the real user directory and a migrated database on
 * each engine: discovery, assignment, auto-assignment, removal.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class DeviceRegistryTest {
    private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock(T0);
    private Database db;
    private UserDirectory users;
    private DeviceRegistry devices;

    private final Engine engine;

    DeviceRegistryTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        db = engine.open();
        PasswordVault vault = PasswordVault.open(dataDir.resolve("key"));
        users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db), vault);
        users.addDomain("example.com");
        devices = new DeviceRegistry(new JdbcDeviceStore(db), users, vault, new PasswordGenerator()::generate, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Sighting d785(String ip) {
        return new Sighting("000413A1B2C3", "snom", "snomD785", "10.1.159.12", ip);
    }

    @Test
    void anUnknownPhoneIsRecordedAsDiscoveredAndLaterSightingsUpdateIt() {
        Device first = devices.recordSighting(d785("192.0.2.10"));

        assertThat(first).isEqualTo(new Device("000413a1b2c3", "snom", "snomD785", "10.1.159.12", "192.0.2.10", T0, T0,
                null, List.of()));
        assertThat(first.assigned()).isFalse();

        clock.advance(Duration.ofMinutes(5));
        Device again = devices.recordSighting(new Sighting("00:04:13:a1:b2:c3", "snom", "snomD785", "10.1.200.1",
                "192.0.2.11"));
        assertThat(again.firstSeen()).isEqualTo(T0);
        assertThat(again.lastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(again.firmwareVersion()).isEqualTo("10.1.200.1");
        assertThat(again.ipAddress()).isEqualTo("192.0.2.11");
        assertThat(devices.list()).containsExactly(again);
        assertThat(devices.assignedCount()).isZero();
    }

    @Test
    void assigningAnUnseenMacPreProvisionsItAndTheFirstSightingKeepsTheUser() {
        users.addUser("example.com", "201", "Alice", "alice-secret-1");

        Device registered = devices.assign("000413AABBCC", "example.com", "201");
        assertThat(registered.firstSeen()).isNull();
        assertThat(registered.lines()).containsExactly(new DeviceLine(1, "example.com", "201"));

        Device seen = devices.recordSighting(new Sighting("000413aabbcc", "snom", "snomD785", "10.1", "192.0.2.12"));
        assertThat(seen.firstSeen()).isEqualTo(T0);
        assertThat(seen.lines()).containsExactly(new DeviceLine(1, "example.com", "201"));
        assertThat(devices.assignedCount()).isEqualTo(1);

        devices.recordProvisioned("000413aabbcc", "192.0.2.13");
        assertThat(devices.find("000413aabbcc").orElseThrow().lastProvisioned()).isEqualTo(T0);
    }

    @Test
    void reassigningReplacesTheLineUserAndRemovingTheUserFreesTheLine() {
        users.addUser("example.com", "201", null, "alice-secret-1");
        users.addUser("example.com", "202", null, "bob-secret-22");
        devices.assign("000413aabbcc", "example.com", "201");

        assertThat(devices.assign("000413aabbcc", "example.com", "202").lines())
                .containsExactly(new DeviceLine(1, "example.com", "202"));
        users.removeUser("example.com", "202");
        assertThat(devices.find("000413aabbcc").orElseThrow().assigned()).isFalse();
    }

    @Test
    void badMacUnknownUserAndUnknownDeviceAreRefused() {
        assertThatThrownBy(() -> devices.assign("0004-13", "example.com", "201"))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.reason())
                        .isEqualTo(DeviceException.Reason.BAD_MAC))
                .hasMessage("'0004-13' is not a MAC address like 000413aabbcc");
        assertThatThrownBy(() -> devices.assign("000413aabbcc", "example.com", "299"))
                .isInstanceOf(DirectoryException.class).hasMessage("User 299@example.com does not exist");
        assertThat(devices.list()).as("nothing created for a refused assignment").isEmpty();
        assertThatThrownBy(() -> devices.remove("000413aabbcc"))
                .isInstanceOf(DeviceException.class).hasMessage("Device 000413aabbcc does not exist");
    }

    @Test
    void autoAssignmentTakesTheLowestExtensionWithoutAUserAndCreatesIt() {
        users.addUser("example.com", "200", null, "taken-by-admin");
        devices.recordSighting(d785("192.0.2.10"));
        devices.recordSighting(new Sighting("000413000002", "snom", "snomD717", "10.1", "192.0.2.20"));

        DeviceLine first = devices.assignNextFree("000413a1b2c3", "example.com", ExtensionRange.parse("200-201"));
        assertThat(first).isEqualTo(new DeviceLine(1, "example.com", "201"));
        assertThat(users.password("example.com", "201")).hasSize(16);

        assertThatThrownBy(() -> devices.assignNextFree("000413000002", "example.com", new ExtensionRange(200, 201)))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.reason())
                        .isEqualTo(DeviceException.Reason.RANGE_EXHAUSTED));
        assertThat(devices.find("000413000002").orElseThrow().assigned()).isFalse();
    }

    @Test
    void eachPhoneHasItsOwnStableAdminPasswordAndRemovalDeletesIt() {
        devices.recordSighting(d785("192.0.2.10"));
        devices.recordSighting(new Sighting("000413000002", "snom", "snomD717", "10.1", "192.0.2.20"));

        String password = devices.adminPassword("000413a1b2c3");
        assertThat(password).hasSize(16).isEqualTo(devices.adminPassword("000413a1b2c3"));
        assertThat(devices.adminPassword("000413000002")).isNotEqualTo(password);

        devices.remove("00:04:13:A1:B2:C3");
        assertThat(devices.find("000413a1b2c3")).isEmpty();
        assertThatThrownBy(() -> devices.adminPassword("000413a1b2c3")).isInstanceOf(DeviceException.class);
    }

    @Test
    void extensionRangesParseOrSayWhatIsExpected() {
        assertThat(ExtensionRange.parse(" 200-299 ")).isEqualTo(new ExtensionRange(200, 299));
        assertThatThrownBy(() -> ExtensionRange.parse("299-200")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ExtensionRange.parse("200..299"))
                .hasMessage("'200..299' is not an extension range like 200-299");
    }
}
