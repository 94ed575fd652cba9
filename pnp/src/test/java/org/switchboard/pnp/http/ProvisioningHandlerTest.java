package org.switchboard.pnp.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.settings.SamplePhones;
import org.switchboard.pnp.settings.SettingsRenderer;
import org.switchboard.pnp.token.ProvisioningTokens;
import org.switchboard.testkit.time.ManualClock;

class ProvisioningHandlerTest {
    private static final MacAddress ALICE = SamplePhones.ALICE_MAC;
    private static final MacAddress STRANGER = MacAddress.parse("000413ffffff").orElseThrow();

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final ProvisioningTokens tokens = new ProvisioningTokens(new byte[32], clock);
    private final ProvisioningUrls urls = new ProvisioningUrls(tokens, Duration.ofMinutes(10), Duration.ofDays(365));
    private final Map<MacAddress, PhoneSettingsModel> phones = Map.of(ALICE, SamplePhones.alice());
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<MacAddress> provisioned = new CopyOnWriteArrayList<>();
    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void start() throws Exception {
        ProvisioningSource source = mac -> Optional.ofNullable(phones.get(mac));
        ProvisioningHandler handler = new ProvisioningHandler(new ProvisioningRequestResolver(), source,
                (mac, ip) -> provisioned.add(mac), new SettingsRenderer(dataDir), tokens, urls, Optional.empty());
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new ContextHandler(handler, ProvisioningUrls.MOUNT));
        server.start();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ProvisioningHandler.class);
        logger.setLevel(Level.INFO);
        logger.addAppender(log);
    }

    @AfterEach
    void stop() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ProvisioningHandler.class);
        logger.detachAppender(log);
        logger.setLevel(null);
        server.stop();
    }

    private HttpTester.Response get(String pathAndQuery) throws Exception {
        return request("GET", pathAndQuery);
    }

    private HttpTester.Response request(String method, String pathAndQuery) throws Exception {
        String raw = connector.getResponse(method + " " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: pbx.example.com:8080\r\nConnection: close\r\n\r\n");
        return HttpTester.parseResponse(raw);
    }

    private String token(MacAddress mac) {
        return tokens.issue(mac, Duration.ofMinutes(10));
    }

    @Test
    void phoneWithValidTokenGetsItsSettings() throws Exception {
        HttpTester.Response r = get("/provisioning/000413a1b2c3.xml?token=" + token(ALICE));

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.get("Content-Type")).isEqualToIgnoringCase("text/xml; charset=utf-8");
        assertThat(r.get("Cache-Control")).isEqualTo("no-store");
        assertThat(r.getContent())
                .contains("<user_pass idx=\"1\" perm=\"R\">S3cret!</user_pass>")
                .contains("<setting_server perm=\"R\">http://pbx.example.com:8080/provisioning/000413a1b2c3.xml?token=")
                .contains("<firmware_status perm=\"R\">http://pbx.example.com:8080/provisioning/000413a1b2c3-firmware.xml<");
        assertThat(provisioned).containsExactly(ALICE);
    }

    @Test
    void onlyTheSettingsFileWithAccountDataCountsAsProvisioned() throws Exception {
        assertThat(get("/provisioning/000413a1b2c3.xml").getStatus()).isEqualTo(403);
        assertThat(get("/provisioning/000413ffffff.xml?token=" + token(STRANGER)).getStatus()).isEqualTo(404);
        assertThat(get("/provisioning/snomD785.htm?mac=000413A1B2C3").getStatus()).isEqualTo(200);
        assertThat(get("/provisioning/000413a1b2c3-firmware.xml").getStatus()).isEqualTo(200);

        assertThat(provisioned).isEmpty();
    }

    @Test
    void aFailingRecorderStillDeliversTheFile() throws Exception {
        server.stop();
        server.setHandler(new ContextHandler(new ProvisioningHandler(new ProvisioningRequestResolver(),
                mac -> Optional.ofNullable(phones.get(mac)), (mac, ip) -> {
                    throw new IllegalStateException("database down");
                }, new SettingsRenderer(dataDir), tokens, urls, Optional.empty()), ProvisioningUrls.MOUNT));
        server.start();

        HttpTester.Response r = get("/provisioning/000413a1b2c3.xml?token=" + token(ALICE));

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).contains("<user_name idx=\"1\" perm=\"R\">201</user_name>");
    }

    @Test
    void snomPerMacFileNameWorksToo() throws Exception {
        HttpTester.Response r = get("/provisioning/snomD785-000413A1B2C3.htm?token=" + token(ALICE));

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).contains("<user_name idx=\"1\" perm=\"R\">201</user_name>");
    }

    @Test
    void settingsWithoutTokenAreForbidden() throws Exception {
        HttpTester.Response r = get("/provisioning/000413a1b2c3.xml");

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContent()).doesNotContain("S3cret!");
    }

    @Test
    void tokenOfAnotherPhoneIsForbidden() throws Exception {
        assertThat(get("/provisioning/000413a1b2c3.xml?token=" + token(STRANGER)).getStatus()).isEqualTo(403);
    }

    @Test
    void expiredTokenIsForbidden() throws Exception {
        String token = token(ALICE);
        clock.advance(Duration.ofMinutes(11));

        assertThat(get("/provisioning/000413a1b2c3.xml?token=" + token).getStatus()).isEqualTo(403);
    }

    @Test
    void unknownMacGetsNotFoundEvenWithAValidToken() throws Exception {
        HttpTester.Response r = get("/provisioning/000413ffffff.xml?token=" + token(STRANGER));

        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContent()).doesNotContain("user_");
    }

    @Test
    void genericModelFileNeedsNoTokenAndHoldsNoSecrets() throws Exception {
        HttpTester.Response r = get("/provisioning/snomD785.htm?mac=000413A1B2C3");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).contains("<language perm=\"R\">English</language>")
                .doesNotContain("user_").doesNotContain("http_pass").doesNotContain("setting_server");
    }

    @Test
    void firmwareFileNeedsNoToken() throws Exception {
        HttpTester.Response r = get("/provisioning/000413a1b2c3-firmware.xml");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContent()).contains("<firmware perm=\"\">http://fw.example.com/snom/snomD785-10.1.54.bin</firmware>");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertThat(get("/provisioning/passwords.txt").getStatus()).isEqualTo(404);
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpTester.Response r = request("POST", "/provisioning/000413a1b2c3.xml?token=" + token(ALICE));

        assertThat(r.getStatus()).isEqualTo(405);
        assertThat(r.get("Allow")).isEqualTo("GET");
    }

    @Test
    void brokenTemplateGivesServerErrorAndNoPartOfTheFile() throws Exception {
        Files.writeString(dataDir.resolve("templates").resolve(SettingsRenderer.SNOM_SETTINGS),
                "<settings><user_pass>${phone.lines[0].password}</user_pass>${phone.noSuchField}</settings>");

        HttpTester.Response r = get("/provisioning/000413a1b2c3.xml?token=" + token(ALICE));

        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getContent()).doesNotContain("S3cret!").doesNotContain("<settings>");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains(SettingsRenderer.SNOM_SETTINGS).contains("line 1").contains("000413a1b2c3"));
    }

    @Test
    void failingSourceGivesServerError() throws Exception {
        server.stop();
        ProvisioningHandler handler = new ProvisioningHandler(new ProvisioningRequestResolver(), mac -> {
            throw new IllegalStateException("database down");
        }, (mac, ip) -> provisioned.add(mac), new SettingsRenderer(dataDir), tokens, urls, Optional.empty());
        server.setHandler(new ContextHandler(handler, ProvisioningUrls.MOUNT));
        server.start();

        assertThat(get("/provisioning/000413a1b2c3.xml?token=" + token(ALICE)).getStatus()).isEqualTo(500);
    }

    @Test
    void everyFetchIsLoggedWithMacAddressAndResult() throws Exception {
        get("/provisioning/000413a1b2c3.xml?token=" + token(ALICE));
        get("/provisioning/000413a1b2c3.xml?token=garbage");

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                ok -> assertThat(ok).contains("000413a1b2c3").contains(": 200"),
                denied -> assertThat(denied).contains("000413a1b2c3").contains("403").contains("malformed token"));
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).containsPattern(" from \\S+"));
    }

    @Test
    void tokenIsNeverLogged() throws Exception {
        String token = token(ALICE);

        get("/provisioning/000413a1b2c3.xml?token=" + token);

        assertThat(log.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(token));
    }

    @Test
    void externalBaseUrlIsUsedInSettingServer() throws Exception {
        server.stop();
        ProvisioningHandler handler = new ProvisioningHandler(new ProvisioningRequestResolver(),
                mac -> Optional.ofNullable(phones.get(mac)), (mac, ip) -> provisioned.add(mac),
                new SettingsRenderer(dataDir), tokens, urls,
                Optional.of(URI.create("https://pbx.example.com")));
        server.setHandler(new ContextHandler(handler, ProvisioningUrls.MOUNT));
        server.start();

        assertThat(get("/provisioning/000413a1b2c3.xml?token=" + token(ALICE)).getContent())
                .contains("<setting_server perm=\"R\">https://pbx.example.com/provisioning/000413a1b2c3.xml?token=");
    }

}
