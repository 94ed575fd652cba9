package org.switchboard.store.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.core.spi.store.StoredUser;
import org.switchboard.core.spi.store.User;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;

/**
 * The device store's SQL on each database engine: a duplicate MAC, line assignment, what removing a
 * user or a phone takes with it, and the firmware per model.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcDeviceStoreTest {
    private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
    private static final String MAC = "000413a1b2c3";

    private final Engine engine;
    private Database db;
    private JdbcUserStore users;
    private JdbcDeviceStore store;

    JdbcDeviceStoreTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        db = engine.open();
        new JdbcDomainStore(db).add(new Domain("example.com"));
        users = new JdbcUserStore(db);
        users.add(user("201"));
        users.add(user("202"));
        store = new JdbcDeviceStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A user row as the accounts module saves one; the device store only needs it to exist. */
    private static StoredUser user(String name) {
        return new StoredUser(new User("example.com", name, null, true), "enc-" + name, "md5-" + name,
                "sha256-" + name);
    }

    private static Device phone(String mac) {
        return new Device(mac, "snom", "snomD785", "10.1.159.12", "192.0.2.40", T0, T0, null, List.of());
    }

    @Test
    void aSecondPhoneWithTheSameMacIsRefusedWithoutAnError() {
        assertThat(store.add(phone(MAC), "enc-1")).isTrue();

        assertThat(store.add(phone(MAC), "enc-2")).isFalse();
        assertThat(store.encryptedAdminPassword(MAC)).contains("enc-1");
    }

    @Test
    void phonesComeBackWithTheirLinesInOrderAndAssigningALineAgainReplacesIt() {
        store.add(phone(MAC), "enc");

        assertThat(store.assign(MAC, new DeviceLine(2, "example.com", "202"))).isTrue();
        assertThat(store.assign(MAC, new DeviceLine(1, "example.com", "201"))).isTrue();
        assertThat(store.assign(MAC, new DeviceLine(2, "example.com", "201"))).isTrue();
        assertThat(store.assign("00ffffffffff", new DeviceLine(1, "example.com", "201"))).isFalse();

        Device found = store.find(MAC).orElseThrow();
        assertThat(found.mac()).isEqualTo(MAC);
        assertThat(found.firstSeen()).isEqualTo(T0);
        assertThat(found.lastProvisioned()).isNull();
        assertThat(found.lines()).containsExactly(new DeviceLine(1, "example.com", "201"),
                new DeviceLine(2, "example.com", "201"));
        assertThat(store.assignedCount()).isEqualTo(1);
    }

    @Test
    void removingAUserRemovesItsLinesAndRemovingThePhoneRemovesTheRest() {
        store.add(phone(MAC), "enc");
        store.assign(MAC, new DeviceLine(1, "example.com", "201"));
        store.assign(MAC, new DeviceLine(2, "example.com", "202"));

        users.remove("example.com", "201");

        assertThat(store.find(MAC).orElseThrow().lines()).containsExactly(new DeviceLine(2, "example.com", "202"));
        assertThat(store.remove(MAC)).isTrue();
        assertThat(store.list()).isEmpty();
        assertThat(store.assignedCount()).isZero();
    }

    @Test
    void unassigningTakesEveryLineAndKeepsThePhoneAndItsUsers() {
        store.add(phone(MAC), "enc");
        store.assign(MAC, new DeviceLine(1, "example.com", "201"));
        store.assign(MAC, new DeviceLine(2, "example.com", "202"));

        assertThat(store.unassign(MAC)).isTrue();
        assertThat(store.unassign("00ffffffffff")).isFalse();

        assertThat(store.find(MAC).orElseThrow().lines()).isEmpty();
        assertThat(store.assignedCount()).isZero();
        assertThat(users.find("example.com", "201")).isPresent();
    }

    @Test
    void aSightingKeepsTheFirstSeenTimeAndMovesTheLastSeen() {
        store.add(new Device(MAC, "snom", "snomD785", "10.1.159.12", null, null, null, null, List.of()), "enc");
        Instant later = T0.plusSeconds(3600);

        assertThat(store.recordSighting(new Sighting(MAC, "snom", "snomD785", "10.1.200.1", "192.0.2.41"), T0))
                .isTrue();
        assertThat(store.recordSighting(new Sighting(MAC, "snom", "snomD785", "10.1.200.2", "192.0.2.42"), later))
                .isTrue();
        assertThat(store.recordProvisioned(MAC, "192.0.2.43", later)).isTrue();

        Device found = store.find(MAC).orElseThrow();
        assertThat(found.firstSeen()).isEqualTo(T0);
        assertThat(found.lastSeen()).isEqualTo(later);
        assertThat(found.lastProvisioned()).isEqualTo(later);
        assertThat(found.firmwareVersion()).isEqualTo("10.1.200.2");
        assertThat(found.ipAddress()).isEqualTo("192.0.2.43");
    }

    @Test
    void firmwareIsSetPerModelReplacedAndCleared() {
        store.setFirmware("snomD785", "http://fw.example.com/d785-1.bin");
        store.setFirmware("snomD785", "http://fw.example.com/d785-2.bin");
        store.setFirmware("snomD717", "http://fw.example.com/d717.bin");

        assertThat(store.firmwareUrl("snomD785")).contains("http://fw.example.com/d785-2.bin");
        assertThat(store.firmware()).isEqualTo(Map.of("snomD717", "http://fw.example.com/d717.bin",
                "snomD785", "http://fw.example.com/d785-2.bin"));
        assertThat(store.clearFirmware("snomD717")).isTrue();
        assertThat(store.clearFirmware("snomD717")).isFalse();
        assertThat(store.firmwareUrl("snomD717")).isEmpty();
    }
}
