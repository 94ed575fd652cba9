package org.switchboard.server.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.directory.PasswordGenerator;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.pnp.devices.PhoneSettingsAssembler;
import org.switchboard.pnp.devices.ProvisioningDefaults;
import org.switchboard.pnp.devices.RegistryDevices;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.settings.ProvisioningLinks;
import org.switchboard.pnp.settings.SettingsRenderer;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.store.devices.JdbcDeviceStore;

/** The firmware image an admin set for a model reaches the settings of that model's phones. */
class PhoneSettingsAssemblerTest {
    private static final MacAddress D785 = MacAddress.parse("000413a1b2c3").orElseThrow();
    private static final MacAddress D715 = MacAddress.parse("000413a1b2c4").orElseThrow();

    @TempDir
    Path dataDir;
    private Database db;
    private DeviceRegistry devices;
    private PhoneSettingsAssembler assembler;

    @BeforeEach
    void setUp() {
        Storage storage = Storage.inDataDir(dataDir);
        db = storage.openDatabase(2);
        PasswordVault vault = storage.openVault();
        UserDirectory users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db), vault);
        users.addDomain("example.com");
        users.addUser("example.com", "201", null, "alice-secret-1");
        users.addUser("example.com", "202", null, "bob-secret-22");
        devices = new DeviceRegistry(new JdbcDeviceStore(db), users, vault, new PasswordGenerator()::generate,
                Clock.systemUTC());
        devices.recordSighting(new Sighting(D785.value(), "snom", "snomD785", "10.1.159.12", "192.0.2.10"));
        devices.recordSighting(new Sighting(D715.value(), "snom", "snomD715", "10.1.159.12", "192.0.2.11"));
        devices.assign(D785.value(), "example.com", "201");
        devices.assign(D715.value(), "example.com", "202");
        assembler = new PhoneSettingsAssembler(new RegistryDevices(devices, Runnable::run), users, null,
                ProvisioningDefaults.standard());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aModelWithFirmwareGetsItsUrlAndOthersNone() throws Exception {
        devices.setFirmware("snomD785", "https://fw.example.com/snomD785-10.1.175.1.bin");

        PhoneSettingsModel d785 = assembler.settingsFor(D785).orElseThrow();
        assertThat(d785.firmwareUrl()).isEqualTo("https://fw.example.com/snomD785-10.1.175.1.bin");
        assertThat(assembler.settingsFor(D715).orElseThrow().firmwareUrl()).isNull();

        SettingsRenderer renderer = new SettingsRenderer(dataDir);
        assertThat(renderer.snomSettings(d785, new ProvisioningLinks(null, "http://pbx/provisioning/fw.xml")))
                .contains("<firmware_status perm=\"R\">http://pbx/provisioning/fw.xml</firmware_status>");
        assertThat(renderer.snomFirmware(d785))
                .contains("<firmware perm=\"\">https://fw.example.com/snomD785-10.1.175.1.bin</firmware>");
    }

    @Test
    void clearingTheFirmwareRemovesItFromTheSettings() {
        devices.setFirmware("snomD785", "https://fw.example.com/snomD785-10.1.175.1.bin");
        devices.clearFirmware("snomD785");

        assertThat(assembler.settingsFor(D785).orElseThrow().firmwareUrl()).isNull();
    }
}
