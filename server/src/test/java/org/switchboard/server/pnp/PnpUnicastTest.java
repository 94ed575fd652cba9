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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.Components;
import org.switchboard.server.FreePorts;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Server;

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
                new PnpSettings(true, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT), ServerConfig.DEFAULT_CDR_RETENTION,
                GuardSettings.defaults());
        server = new Server(Components.create(config));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void snomTraceSubscribeGets200ThenNotifyRetransmittedUntilAnswered() throws Exception {
        try (PnpPhone phone = PnpPhone.on(LOOPBACK)) {
            phone.send(SNOM_OEM_SUBSCRIBE.replace("PHONE", phone.hostPort()), sip);

            PnpPhone.Received ok = phone.expect(2000, "200 OK");
            assertThat(ok.response().statusCode()).isEqualTo(200);
            assertThat(ok.response().to().tag()).isNotBlank();
            assertThat(ok.response().header(HeaderName.EXPIRES)).isEqualTo("0");
            assertThat(ok.from()).isEqualTo(sip);

            PnpPhone.Received first = phone.expect(2000, "NOTIFY");
            assertThat(first.request().method()).isEqualTo(SipMethod.NOTIFY);
            assertThat(first.request().requestUri()).isEqualTo("sip:" + phone.hostPort());
            assertThat(first.request().header(HeaderName.SUBSCRIPTION_STATE)).isEqualTo("terminated;reason=timeout");
            assertThat(first.request().from().tag()).isEqualTo(ok.response().to().tag());
            String url = new String(first.request().body(), StandardCharsets.UTF_8);
            assertThat(url).matches("http://127\\.0\\.0\\.1:" + httpPort
                    + "/provisioning/00135e874b49\\.xml\\?token=[A-Za-z0-9_-]{62}");

            // not answered: the client transaction retransmits it after T1 (RFC 3261 §17.1.2.2)
            PnpPhone.Received again = phone.expect(3000, "retransmitted NOTIFY");
            assertThat(again.request().method()).isEqualTo(SipMethod.NOTIFY);
            assertThat(again.request().topVia().branch()).isEqualTo(first.request().topVia().branch());
            phone.answerOk(again);

            assertThat(phone.receive(2500)).as("no NOTIFY after the 200").isNull();
            assertThat(get(url).statusCode()).as("valid token, MAC not assigned").isEqualTo(404);
        }
    }

    @Test
    void snomD785AskingAgainWithinTheRepeatWindowGetsANewNotifyEachTime() throws Exception {
        try (PnpPhone phone = PnpPhone.on(LOOPBACK)) {
            String subscribe = SNOM_D785_SUBSCRIBE.replace("PHONE", phone.hostPort());
            phone.send(subscribe.replace("CSEQ", "1"), sip);
            assertThat(phone.expect(2000, "200 OK").response().statusCode()).isEqualTo(200);
            PnpPhone.Received notify = phone.expect(2000, "NOTIFY");
            phone.answerOk(notify);
            assertThat(new String(notify.request().body(), StandardCharsets.UTF_8))
                    .startsWith("http://127.0.0.1:" + httpPort + "/provisioning/000413a1b2c3.xml?token=");

            // the phone rebooted: a new Call-ID and a new transaction, seconds after the first
            String rebooted = subscribe.replace("3320171945@", "871100277@").replace("d785-CSEQ", "d785-boot2")
                    .replace("CSEQ", "1");
            phone.send(rebooted, sip);
            PnpPhone.Received secondOk = phone.expect(2000, "200 OK to the rebooted phone");
            assertThat(secondOk.response().statusCode()).isEqualTo(200);
            PnpPhone.Received secondNotify = phone.expect(2000, "NOTIFY to the rebooted phone");
            assertThat(secondNotify.request().method()).isEqualTo(SipMethod.NOTIFY);
            assertThat(secondNotify.request().callId()).isEqualTo(secondOk.response().callId());
            assertThat(secondNotify.request().from().tag()).isEqualTo(secondOk.response().to().tag());
            phone.answerOk(secondNotify);

            // the same dialog asking again: a new transaction too
            phone.send(subscribe.replace("CSEQ", "2"), sip);
            PnpPhone.Received thirdOk = phone.expect(2000, "200 OK to CSeq 2");
            assertThat(thirdOk.response().cseq().number()).isEqualTo(2L);
            PnpPhone.Received thirdNotify = phone.expect(2000, "NOTIFY for CSeq 2");
            assertThat(thirdNotify.request().method()).isEqualTo(SipMethod.NOTIFY);
            phone.answerOk(thirdNotify);
            assertThat(phone.receive(1500)).as("nothing more once every NOTIFY is answered").isNull();
        }
    }

    @Test
    void retransmittedSubscribeIsAnsweredFromItsTransactionWithoutASecondNotify() throws Exception {
        try (PnpPhone phone = PnpPhone.on(LOOPBACK)) {
            String subscribe = SNOM_D785_SUBSCRIBE.replace("PHONE", phone.hostPort()).replace("CSEQ", "1");
            phone.send(subscribe, sip);
            PnpPhone.Received ok = phone.expect(2000, "200 OK");
            PnpPhone.Received notify = phone.expect(2000, "NOTIFY");
            phone.answerOk(notify);

            // RFC 3261 §17.2.2: the completed server transaction answers the retransmission itself
            phone.send(subscribe, sip);
            PnpPhone.Received again = phone.expect(2000, "200 OK to the retransmission");
            assertThat(again.response().statusCode()).isEqualTo(200);
            assertThat(again.response().to().tag()).isEqualTo(ok.response().to().tag());
            assertThat(phone.receive(1500)).as("no second NOTIFY for the same transaction").isNull();
        }
    }

    @Test
    void settingsWithoutTokenAre403AndUnknownMacWithValidTokenIs404() throws Exception {
        assertThat(get("http://127.0.0.1:" + httpPort + "/provisioning/00135e874b49.xml").statusCode())
                .isEqualTo(403);
        try (PnpPhone phone = PnpPhone.on(LOOPBACK)) {
            phone.send(SNOM_OEM_SUBSCRIBE.replace("PHONE", phone.hostPort()), sip);
            phone.expect(2000, "200 OK");
            PnpPhone.Received notify = phone.expect(2000, "NOTIFY");
            phone.answerOk(notify);
            HttpResponse<String> response = get(new String(notify.request().body(), StandardCharsets.UTF_8));
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
