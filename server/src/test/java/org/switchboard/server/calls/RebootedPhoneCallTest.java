package org.switchboard.server.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.Components;
import org.switchboard.server.FreePorts;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.Storage;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.store.Database;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;

/**
 * Phones that reboot without unregistering, scripted over real UDP against the in-process server
 * with its default timers (T1 500 ms, Timer B 32 s): one that keeps its {@code +sip.instance} and
 * comes back on a new port replaces its binding, also across a restart of the server, so a call
 * rings only the phone that is alive; one without an instance leaves its old contact behind (RFC
 * 3261 §10.3), which then does not hold up the live phone's busy answer.
 */
class RebootedPhoneCallTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "reboot-secret-1";
    private static final String INSTANCE = ";+sip.instance=\"<urn:uuid:0c9a3f5e-6a1b-4e7c-9f00-00000000b007>\"";
    /** Far below Timer B (32 s), above the proxy's 4 s wait for a first response from a contact. */
    private static final long PROMPTLY_MILLIS = 10_000;

    @TempDir
    Path dataDir;

    private Server server;
    private InetSocketAddress sip;

    @BeforeEach
    void createUsers() {
        Storage storage = Storage.inDataDir(dataDir);
        try (Database db = storage.openDatabase(2)) {
            UserDirectory users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db),
                    storage.openVault());
            users.addDomain(DOMAIN);
            users.addUser(DOMAIN, "201", "Alice", PASSWORD);
            users.addUser(DOMAIN, "202", "Bob", PASSWORD);
        }
    }

    private void start() throws Exception {
        int port = sip == null ? FreePorts.udpAndTcp() : sip.getPort();
        sip = new InetSocketAddress(LOOPBACK, port);
        ServerConfig config = new ServerConfig(port, List.of(LOOPBACK), Set.of(Transport.UDP), dataDir, LogLevel.INFO,
                null, List.of(DigestAlgorithm.MD5), new HttpSettings(0, LOOPBACK, Optional.empty()),
                new PnpSettings(false, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                ServerConfig.DEFAULT_CDR_RETENTION, GuardSettings.defaults());
        server = new Server(Components.create(config));
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void phoneRebootingWithItsInstanceReplacesItsBindingAndAloneIsCalledAfterARestart() throws Exception {
        start();
        UdpPhone beforeReboot = new UdpPhone(sip);
        for (int boot = 1; boot <= 12; boot++) {
            beforeReboot.close();
            beforeReboot = new UdpPhone(sip);
            SipResponse ok = beforeReboot.register("201", DOMAIN, PASSWORD, INSTANCE);
            assertThat(ok.statusCode()).as("boot %d", boot).isEqualTo(200);
            assertThat(ok.contacts()).as("boot %d", boot).extracting(NameAddr::uri)
                    .containsExactly(beforeReboot.contact("201"));
        }
        server.stop();
        start();

        try (UdpPhone phone = beforeReboot; UdpPhone caller = new UdpPhone(sip)) {
            caller.send(caller.invite("sip:201@" + DOMAIN, "reboot-call-1@caller"), sip);
            UdpPhone.Received invite = phone.expectRequest("INVITE", 5000);
            phone.respond(invite, 486, "Busy Here");

            SipResponse busy = caller.expectFinal(PROMPTLY_MILLIS);
            assertThat(busy.statusCode()).isEqualTo(486);
        }
    }

    @Test
    void staleContactOfAPhoneWithoutInstanceDoesNotHoldUpItsBusyAnswer() throws Exception {
        start();
        try (UdpPhone before = new UdpPhone(sip)) {
            assertThat(before.register("202", DOMAIN, PASSWORD, "").statusCode()).isEqualTo(200);
        }
        try (UdpPhone phone = new UdpPhone(sip); UdpPhone caller = new UdpPhone(sip)) {
            SipResponse ok = phone.register("202", DOMAIN, PASSWORD, "");
            assertThat(ok.contacts()).as("RFC 3261 §10.3: another contact URI is another binding").hasSize(2);

            caller.send(caller.invite("sip:202@" + DOMAIN, "stale-call-1@caller"), sip);
            UdpPhone.Received invite = phone.expectRequest("INVITE", 5000);
            phone.respond(invite, 486, "Busy Here");

            SipResponse busy = caller.expectFinal(PROMPTLY_MILLIS);
            assertThat(busy.statusCode()).isEqualTo(486);
        }
    }
}
