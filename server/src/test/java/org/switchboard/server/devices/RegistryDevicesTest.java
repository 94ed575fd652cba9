package org.switchboard.server.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.accounts.directory.PasswordGenerator;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.pnp.devices.RegistryDevices;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.store.devices.JdbcDeviceStore;
import org.switchboard.testkit.time.ManualClock;

/**
 * The devices service plugins get, over the real inventory, user directory and a migrated database
 * on each engine: list, find, assign, unassign, and errors the admin can fix.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RegistryDevicesTest {
    @TempDir
    Path dataDir;

    private final Engine engine;
    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private Database db;
    private DeviceRegistry registry;
    private DevicesService devices;

    RegistryDevicesTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        db = engine.open();
        PasswordVault vault = PasswordVault.open(dataDir.resolve("key"));
        UserDirectory users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db), vault);
        users.addDomain("example.com");
        users.addUser("example.com", "201", "Front desk", "secret-201");
        registry = new DeviceRegistry(new JdbcDeviceStore(db), users, vault, new PasswordGenerator()::generate,
                new ManualClock());
        devices = new RegistryDevices(registry, blocking);
    }

    @AfterEach
    void tearDown() {
        blocking.shutdownNow();
        db.close();
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void assignsAndUnassignsAPhoneThatStaysInTheInventory() {
        registry.recordSighting(new Sighting("000413A1B2C3", "snom", "snomD785", "10.1.159.12", "192.0.2.10"));

        Device assigned = done(devices.assign("00:04:13:A1:B2:C3", "example.com", "201"));
        assertThat(assigned.lines()).containsExactly(new DeviceLine(1, "example.com", "201"));
        assertThat(done(devices.find("000413a1b2c3"))).contains(assigned);

        Device unassigned = done(devices.unassign("000413a1b2c3"));
        assertThat(unassigned.assigned()).isFalse();
        assertThat(unassigned.model()).isEqualTo("snomD785");
        assertThat(done(devices.list())).containsExactly(unassigned);
        assertThat(registry.assignedCount()).isZero();
    }

    @Test
    void assigningAPhoneNeverSeenAddsIt() {
        done(devices.assign("000413000001", "example.com", "201"));

        assertThat(done(devices.list())).extracting(Device::mac).containsExactly("000413000001");
    }

    @Test
    void errorsTheAdminCanFixFailTheStageNamingTheProblem() {
        assertThatThrownBy(() -> done(devices.unassign("000413999999"))).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(DeviceException.class).hasMessageContaining("000413999999");
        assertThatThrownBy(() -> done(devices.assign("000413000001", "example.com", "999")))
                .hasCauseInstanceOf(DirectoryException.class).hasMessageContaining("999@example.com");
        assertThat(done(devices.find("000413000001"))).isEmpty();
    }

    @Test
    void aSaturatedExecutorFailsTheStageInsteadOfThrowingAtTheCaller() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        DevicesService overloaded = new RegistryDevices(registry, stopped);

        assertThatThrownBy(() -> done(overloaded.list())).hasCauseInstanceOf(RejectedExecutionException.class);
    }
}
