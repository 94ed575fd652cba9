package org.switchboard.server.pnp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.netty.MulticastConfig;
import org.switchboard.server.Components;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.store.DatabaseSettings;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.phone.Received;
import org.switchboard.testkit.server.FreePorts;

/**
 * Plug-and-play by real multicast: the server listens on 0.0.0.0 and on the group at the same port,
 * joined on one interface; the test phone sends to the group on that interface and the kernel loops
 * the datagram back. Only the loopback interface is used ({@code ip link set lo multicast on}), so
 * no test traffic reaches a real network; skips with a message if loopback has no multicast (the
 * acceptance suite covers both cases in a network namespace of its own). New phones are assigned
 * automatically, so a phone on the group boots to registered.
 */
class PnpMulticastTest {
    private static final String SUBSCRIBE = """
            SUBSCRIBE sip:MAC%3a00135E874B49@intern.snom.de SIP/2.0
            Via: SIP/2.0/UDP PHONE;branch=z9hG4bK-mc-1;rport
            From: <sip:MAC%3a00135E874B49@intern.snom.de>;tag=658512961
            To: <sip:MAC%3a00135E874B49@intern.snom.de>
            Call-ID: 1930770594@PHONE
            CSeq: 1 SUBSCRIBE
            Event: ua-profile;profile-type="device";vendor="snom";model="snomD785";version="10.1.159.12"
            Expires: 0
            Accept: application/url
            Contact: <sip:PHONE>
            Content-Length: 0

            """;

    private static final String OPTIONS = """
            OPTIONS sip:224.0.1.75 SIP/2.0
            Via: SIP/2.0/UDP PHONE;branch=z9hG4bK-mc-options;rport
            From: <sip:probe@example.com>;tag=1
            To: <sip:224.0.1.75>
            Call-ID: options-on-the-group@PHONE
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            Content-Length: 0

            """;

    @TempDir
    Path dataDir;

    private Server server;
    private NetworkInterface nif;
    private InetAddress nifAddress;
    private InetSocketAddress group;
    private int sipPort;
    private int httpPort;

    @BeforeEach
    void startServer() throws Exception {
        Optional<NetworkInterface> chosen = multicastInterface();
        assumeTrue(chosen.isPresent(), "The loopback interface does not support multicast "
                + "(on Linux: ip link set lo multicast on); skipping the in-process multicast test. "
                + "LoopbackMulticastAcceptanceIT and LanMulticastAcceptanceIT test multicast with and without it "
                + "in a network namespace of their own");
        nif = chosen.get();
        nifAddress = ipv4(nif).orElseThrow();
        InetAddress any = InetAddress.getByName("0.0.0.0");
        sipPort = FreePorts.udpAndTcp(any);
        httpPort = FreePorts.udpAndTcp();
        group = new InetSocketAddress(MulticastConfig.SIP_GROUP, sipPort);
        ServerConfig config = new ServerConfig(sipPort, List.of(any), Set.of(Transport.UDP), dataDir, LogLevel.INFO,
                "example.com", List.of(DigestAlgorithm.MD5), new HttpSettings(httpPort, any, Optional.empty()),
                new PnpSettings(true, true, List.of(nif.getName()), sipPort), GuardSettings.defaults(), DatabaseSettings.EMBEDDED,
                List.of(new SettingOverride("pnp.assign", "auto", "--pnp-assign")));
        server = new Server(Components.create(config));
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void subscribeToTheGroupIsAnsweredUnicastFromTheSipSocketWithTheInterfaceUrl() throws Exception {
        try (Phone phone = PnpPhones.multicastOn(nif, nifAddress)) {
            phone.sendRaw(SUBSCRIBE.replace("PHONE", phone.sentBy()), group);

            Received ok = phone.next("200 OK", Duration.ofMillis(2000));
            assertThat(ok.message().status()).isEqualTo(200);
            assertThat(ok.from().getPort()).as("from the unicast SIP socket").isEqualTo(sipPort);
            assertThat(ok.from().getAddress().isMulticastAddress()).isFalse();

            Received notify = phone.next("NOTIFY", Duration.ofMillis(2000));
            assertThat(notify.message().method()).isEqualTo("NOTIFY");
            phone.incoming(notify).respond(200);
            assertThat(notify.message().bodyText()).startsWith(
                    "http://" + nifAddress.getHostAddress() + ":" + httpPort + "/provisioning/00135e874b49.xml?token=");
        }
    }

    @Test
    void phoneOnTheGroupIsAssignedFetchesItsAccountAndRegisters() throws Exception {
        try (Phone udp = PnpPhones.multicastOn(nif, nifAddress)) {
            BootingPhone phone = new BootingPhone(udp, "000413D00D01");
            HttpResponse<String> settings = phone.fetch(phone.subscribe(group));

            assertThat(settings.statusCode()).isEqualTo(200);
            BootingPhone.Account account = BootingPhone.account(settings.body());
            assertThat(account.userName()).isEqualTo("200");
            assertThat(account.outbound()).as("listening on 0.0.0.0: phones use the domain").isNull();

            // the domain does not resolve in a test; the phone sends to the address that answered it
            assertThat(phone.register(account, new InetSocketAddress(nifAddress, sipPort)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void garbageAndOtherRequestsOnTheGroupGetNoAnswer() throws Exception {
        try (Phone phone = PnpPhones.multicastOn(nif, nifAddress)) {
            phone.sendRaw("this is not SIP\r\n\r\n".getBytes(StandardCharsets.US_ASCII), group);
            phone.sendRaw(OPTIONS.replace("PHONE", phone.sentBy()), group);
            phone.sendRaw(SUBSCRIBE.replace("PHONE", phone.sentBy()).replace("ua-profile", "presence"), group);

            assertThat(phone.poll(Duration.ofMillis(1500))).as("nothing answers what is not plug-and-play").isNull();

            // the same OPTIONS sent unicast to the shared port is answered, so the silence above is the filter's
            phone.sendRaw(OPTIONS.replace("PHONE", phone.sentBy()).replace("sip:224.0.1.75 ", "sip:" + nifAddress
                    .getHostAddress() + ":" + sipPort + " "), new InetSocketAddress(nifAddress, sipPort));
            assertThat(phone.next("OPTIONS answer", Duration.ofMillis(2000)).message().status()).isEqualTo(200);
        }
    }

    private static Optional<NetworkInterface> multicastInterface() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(n -> isLoopback(n) && usable(n))
                .findFirst();
    }

    private static boolean usable(NetworkInterface n) {
        try {
            return n.isUp() && n.supportsMulticast() && ipv4(n).isPresent();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean isLoopback(NetworkInterface n) {
        try {
            return n.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static Optional<InetAddress> ipv4(NetworkInterface n) {
        return Collections.list(n.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address).findFirst();
    }
}
