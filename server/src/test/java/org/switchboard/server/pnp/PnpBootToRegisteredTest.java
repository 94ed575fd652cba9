package org.switchboard.server.pnp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.accounts.directory.PasswordGenerator;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.transport.Transport;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.pnp.devices.PnpAssignment;
import org.switchboard.server.Components;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.store.DatabaseSettings;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.Storage;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.store.Database;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.store.devices.JdbcDeviceStore;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.FreePorts;

/**
 * The acceptance test: a phone boots, asks by plug-and-play (unicast over real UDP to an
 * in-process server on 127.0.0.1), fetches its settings over real HTTP, and registers with the
 * account it found there, answering the digest challenge itself, until 200 OK. Once with the phone
 * assigned beforehand, once assigned automatically; and an unknown phone is recorded and refused.
 */
class PnpBootToRegisteredTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String DOMAIN = "example.com";

    @TempDir
    Path dataDir;

    private Server server;
    private InetSocketAddress sip;

    private void start(PnpAssignment assignment) throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        sip = new InetSocketAddress(LOOPBACK, sipPort);
        ServerConfig config = new ServerConfig(sipPort, List.of(LOOPBACK), Set.of(Transport.UDP), dataDir,
                LogLevel.INFO, DOMAIN, List.of(DigestAlgorithm.MD5),
                new HttpSettings(httpPort, LOOPBACK, Optional.empty()),
                new PnpSettings(true, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                GuardSettings.defaults(), DatabaseSettings.EMBEDDED,
                List.of(new SettingOverride("pnp.assign", assignment.name(), "--pnp-assign")));
        server = new Server(Components.create(config));
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Runs {@code work} on the data directory's database while no server holds it. */
    private <T> T offline(java.util.function.Function<DeviceRegistry, T> work) {
        Storage storage = Storage.inDataDir(dataDir);
        try (Database db = storage.openDatabase(2)) {
            UserDirectory users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db), storage.openVault());
            if (users.domains().isEmpty()) {
                users.addDomain(DOMAIN);
                users.addUser(DOMAIN, "201", "Alice", "alice-secret-1");
                users.addUser(DOMAIN, "202", "Bob", "bob-secret-202");
            }
            return work.apply(new DeviceRegistry(new JdbcDeviceStore(db), users, storage.openVault(),
                    new PasswordGenerator()::generate, Clock.systemUTC()));
        }
    }

    @Test
    void preAssignedPhoneBootsFetchesItsAccountAndRegisters() throws Exception {
        offline(devices -> devices.assign("000413A1B2C3", DOMAIN, "201"));
        start(PnpAssignment.NONE);

        try (Phone udp = PnpPhones.on(LOOPBACK)) {
            BootingPhone phone = new BootingPhone(udp, "000413A1B2C3");
            HttpResponse<String> settings = phone.fetch(phone.subscribe(sip));

            assertThat(settings.statusCode()).isEqualTo(200);
            assertThat(settings.body())
                    .contains("<user_realname idx=\"1\" perm=\"R\">Alice</user_realname>")
                    .containsPattern("<http_pass perm=\"R\">[A-Za-z0-9]{16}</http_pass>")
                    .contains("blf sip:202@example.com;user=phone|*8")
                    .contains("<name>Alice</name><number>201</number>")
                    .contains("<name>Bob</name><number>202</number>")
                    .contains("<setting_server perm=\"R\">http://127.0.0.1:");
            BootingPhone.Account account = BootingPhone.account(settings.body());
            assertThat(account).isEqualTo(new BootingPhone.Account("201", "alice-secret-1", DOMAIN,
                    "127.0.0.1:" + sip.getPort()));

            assertThat(phone.register(account, sip).status()).isEqualTo(200);
        }
        server.stop();
        server = null;
        Device device = offline(devices -> devices.find("000413a1b2c3").orElseThrow());
        assertThat(device.model()).isEqualTo("snomD785");
        assertThat(device.firstSeen()).isNotNull();
        assertThat(device.lastProvisioned()).isNotNull();
    }

    @Test
    void withAutomaticAssignmentAnUnknownPhoneGetsTheNextFreeExtensionAndRegisters() throws Exception {
        offline(devices -> devices.list());
        start(PnpAssignment.AUTO);

        try (Phone udp = PnpPhones.on(LOOPBACK)) {
            BootingPhone phone = new BootingPhone(udp, "000413C0FFEE");
            HttpResponse<String> settings = phone.fetch(phone.subscribe(sip));

            assertThat(settings.statusCode()).isEqualTo(200);
            BootingPhone.Account account = BootingPhone.account(settings.body());
            assertThat(account.userName()).isEqualTo("200");
            assertThat(account.password()).matches("[A-Za-z0-9]{16}");
            assertThat(account.host()).isEqualTo(DOMAIN);

            assertThat(phone.register(account, sip).status()).isEqualTo(200);
        }
        server.stop();
        server = null;
        List<DeviceLine> lines = offline(devices -> devices.find("000413c0ffee").orElseThrow().lines());
        assertThat(lines).containsExactly(new DeviceLine(1, DOMAIN, "200"));
    }

    @Test
    void unknownPhoneIsRecordedAsDiscoveredAndGets404() throws Exception {
        start(PnpAssignment.NONE);

        try (Phone udp = PnpPhones.on(LOOPBACK)) {
            BootingPhone phone = new BootingPhone(udp, "000413BADBAD");
            HttpResponse<String> settings = phone.fetch(phone.subscribe(sip));

            assertThat(settings.statusCode()).isEqualTo(404);
            assertThat(settings.body()).doesNotContain("user_pass");
        }
        server.stop();
        server = null;
        Device device = offline(devices -> devices.find("000413badbad").orElseThrow());
        assertThat(device.assigned()).isFalse();
        assertThat(device.vendor()).isEqualTo("snom");
        assertThat(device.firmwareVersion()).isEqualTo("10.1.159.12");
        assertThat(device.ipAddress()).isEqualTo("127.0.0.1");
        assertThat(device.lastProvisioned()).isNull();
    }
}
