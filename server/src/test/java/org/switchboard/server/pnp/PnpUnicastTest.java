package org.switchboard.server.pnp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.Components;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.phone.Received;
import org.switchboard.testkit.server.FreePorts;

/**
 * A phone's plug-and-play SUBSCRIBE sent unicast over real UDP to an in-process server on
 * 127.0.0.1: the 200 OK, the NOTIFY with the settings URL retransmitted until the phone answers,
 * and the settings URL on the real HTTP port.
 */
class PnpUnicastTest {
    /** The SUBSCRIBE of snom's trace (pnp-provisioning.md), addressed to the test phone's socket. */
    private static final String SNOM_OEM_SUBSCRIBE = """
            SUBSCRIBE sip:MAC%3a00135E874B49@intern.snom.de SIP/2.0
            Via: SIP/2.0/UDP PHONE;rport
            From: <sip:MAC%3a00135E874B49@intern.snom.de>;tag=658512961
            To: <sip:MAC%3a00135E874B49@intern.snom.de>
            Call-ID: 1930770594@PHONE
            CSeq: 1 SUBSCRIBE
            Event: ua-profile;profile-type="device";vendor="OEM";model="OEM";version="7.1.19"
            Expires: 0
            Accept: application/url
            Contact: <sip:PHONE>
            Content-Length: 0

            """;

    /** A current model as snom ships it. */
    private static final String SNOM_D785_SUBSCRIBE = """
            SUBSCRIBE sip:MAC%3a000413A1B2C3@intern.snom.de SIP/2.0
            Via: SIP/2.0/UDP PHONE;branch=z9hG4bK-d785-CSEQ;rport
            From: <sip:MAC%3a000413A1B2C3@intern.snom.de>;tag=2214950433
            To: <sip:MAC%3a000413A1B2C3@intern.snom.de>
            Call-ID: 3320171945@PHONE
            CSeq: CSEQ SUBSCRIBE
            Event: ua-profile;profile-type="device";vendor="snom";model="snomD785";version="10.1.159.12"
            Expires: 0
            Accept: application/url
            Contact: <sip:PHONE>
            User-Agent: snomD785/10.1.159.12
            Content-Length: 0

            """;

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dataDir;

    private Server server;
    private InetSocketAddress sip;
    private int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startServer() throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        httpPort = FreePorts.udpAndTcp();
        sip = new InetSocketAddress(LOOPBACK, sipPort);
        ServerConfig config = new ServerConfig(sipPort, List.of(LOOPBACK), Set.of(Transport.UDP), dataDir,
                LogLevel.INFO, null, List.of(DigestAlgorithm.MD5), new HttpSettings(httpPort, LOOPBACK, Optional.empty()),
                new PnpSettings(true, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT), GuardSettings.defaults());
        server = new Server(Components.create(config));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void snomTraceSubscribeGets200ThenNotifyRetransmittedUntilAnswered() throws Exception {
        try (Phone phone = PnpPhones.on(LOOPBACK)) {
            phone.sendRaw(SNOM_OEM_SUBSCRIBE.replace("PHONE", phone.sentBy()), sip);

            Received ok = phone.next("200 OK", Duration.ofMillis(2000));
            assertThat(ok.message().status()).isEqualTo(200);
            assertThat(ok.message().toTag().orElse(null)).isNotBlank();
            assertThat(ok.message().header("Expires").orElse(null)).isEqualTo("0");
            assertThat(ok.from()).isEqualTo(sip);

            Received first = phone.next("NOTIFY", Duration.ofMillis(2000));
            assertThat(first.message().method()).isEqualTo("NOTIFY");
            assertThat(first.message().requestUri()).isEqualTo("sip:" + phone.sentBy());
            assertThat(first.message().header("Subscription-State").orElse(null)).isEqualTo("terminated;reason=timeout");
            assertThat(first.message().fromTag().orElse(null)).isEqualTo(ok.message().toTag().orElse(null));
            String url = first.message().bodyText();
            assertThat(url).matches("http://127\\.0\\.0\\.1:" + httpPort
                    + "/provisioning/00135e874b49\\.xml\\?token=[A-Za-z0-9_-]{62}");

            // not answered: the client transaction retransmits it after T1 (RFC 3261 §17.1.2.2)
            Received again = phone.next("retransmitted NOTIFY", Duration.ofMillis(3000));
            assertThat(again.message().method()).isEqualTo("NOTIFY");
            assertThat(again.message().topBranch()).isEqualTo(first.message().topBranch());
            phone.incoming(again).respond(200);

            assertThat(phone.poll(Duration.ofMillis(2500))).as("no NOTIFY after the 200").isNull();
            assertThat(get(url).statusCode()).as("valid token, MAC not assigned").isEqualTo(404);
        }
    }

    @Test
    void snomD785AskingAgainWithinTheRepeatWindowGetsANewNotifyEachTime() throws Exception {
        try (Phone phone = PnpPhones.on(LOOPBACK)) {
            String subscribe = SNOM_D785_SUBSCRIBE.replace("PHONE", phone.sentBy());
            phone.sendRaw(subscribe.replace("CSEQ", "1"), sip);
            assertThat(phone.next("200 OK", Duration.ofMillis(2000)).message().status()).isEqualTo(200);
            Received notify = phone.next("NOTIFY", Duration.ofMillis(2000));
            phone.incoming(notify).respond(200);
            assertThat(notify.message().bodyText())
                    .startsWith("http://127.0.0.1:" + httpPort + "/provisioning/000413a1b2c3.xml?token=");

            // the phone rebooted: a new Call-ID and a new transaction, seconds after the first
            String rebooted = subscribe.replace("3320171945@", "871100277@").replace("d785-CSEQ", "d785-boot2")
                    .replace("CSEQ", "1");
            phone.sendRaw(rebooted, sip);
            Received secondOk = phone.next("200 OK to the rebooted phone", Duration.ofMillis(2000));
            assertThat(secondOk.message().status()).isEqualTo(200);
            Received secondNotify = phone.next("NOTIFY to the rebooted phone", Duration.ofMillis(2000));
            assertThat(secondNotify.message().method()).isEqualTo("NOTIFY");
            assertThat(secondNotify.message().callId()).isEqualTo(secondOk.message().callId());
            assertThat(secondNotify.message().fromTag().orElse(null)).isEqualTo(secondOk.message().toTag().orElse(null));
            phone.incoming(secondNotify).respond(200);

            // the same dialog asking again: a new transaction too
            phone.sendRaw(subscribe.replace("CSEQ", "2"), sip);
            Received thirdOk = phone.next("200 OK to CSeq 2", Duration.ofMillis(2000));
            assertThat(thirdOk.message().cseq()).isEqualTo(2L);
            Received thirdNotify = phone.next("NOTIFY for CSeq 2", Duration.ofMillis(2000));
            assertThat(thirdNotify.message().method()).isEqualTo("NOTIFY");
            phone.incoming(thirdNotify).respond(200);
            assertThat(phone.poll(Duration.ofMillis(1500))).as("nothing more once every NOTIFY is answered").isNull();
        }
    }

    @Test
    void retransmittedSubscribeIsAnsweredFromItsTransactionWithoutASecondNotify() throws Exception {
        try (Phone phone = PnpPhones.on(LOOPBACK)) {
            String subscribe = SNOM_D785_SUBSCRIBE.replace("PHONE", phone.sentBy()).replace("CSEQ", "1");
            phone.sendRaw(subscribe, sip);
            Received ok = phone.next("200 OK", Duration.ofMillis(2000));
            Received notify = phone.next("NOTIFY", Duration.ofMillis(2000));
            phone.incoming(notify).respond(200);

            // RFC 3261 §17.2.2: the completed server transaction answers the retransmission itself
            phone.sendRaw(subscribe, sip);
            Received again = phone.next("200 OK to the retransmission", Duration.ofMillis(2000));
            assertThat(again.message().status()).isEqualTo(200);
            assertThat(again.message().toTag().orElse(null)).isEqualTo(ok.message().toTag().orElse(null));
            assertThat(phone.poll(Duration.ofMillis(1500))).as("no second NOTIFY for the same transaction").isNull();
        }
    }

    @Test
    void settingsWithoutTokenAre403AndUnknownMacWithValidTokenIs404() throws Exception {
        assertThat(get("http://127.0.0.1:" + httpPort + "/provisioning/00135e874b49.xml").statusCode())
                .isEqualTo(403);
        try (Phone phone = PnpPhones.on(LOOPBACK)) {
            phone.sendRaw(SNOM_OEM_SUBSCRIBE.replace("PHONE", phone.sentBy()), sip);
            phone.next("200 OK", Duration.ofMillis(2000));
            Received notify = phone.next("NOTIFY", Duration.ofMillis(2000));
            phone.incoming(notify).respond(200);
            HttpResponse<String> response = get(notify.message().bodyText());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("user_pass");
        }
        assertThat(get("http://127.0.0.1:" + httpPort + "/other").statusCode()).isEqualTo(404);
        assertThat(Files.exists(dataDir.resolve("pnp-token.key"))).isTrue();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
