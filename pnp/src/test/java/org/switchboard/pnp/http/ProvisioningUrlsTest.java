package org.switchboard.pnp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.subscribe.PnpSubscription;
import org.switchboard.pnp.token.ProvisioningTokens;
import org.switchboard.pnp.token.TokenCheck;
import org.switchboard.testkit.time.ManualClock;

class ProvisioningUrlsTest {
    private static final MacAddress PHONE = MacAddress.parse("000413a1b2c3").orElseThrow();
    private static final PnpSubscription SUBSCRIPTION = new PnpSubscription(PHONE, "snom", "snomD785", "10.1.54",
            NameAddr.parse("<sip:192.168.10.67:5060>"),
            new Flow(Transport.UDP, new InetSocketAddress("224.0.1.75", 5060), new InetSocketAddress("192.168.10.67", 5060), 0));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final ProvisioningTokens tokens = new ProvisioningTokens(new byte[32], clock);
    private final ProvisioningUrls urls = new ProvisioningUrls(tokens, Duration.ofMinutes(10), Duration.ofDays(365));
    private final ProvisioningRequestResolver resolver = new ProvisioningRequestResolver();

    private static String token(String url) {
        return url.substring(url.indexOf("?token=") + "?token=".length());
    }

    @Test
    void notifyUrlUsesTheInterfaceAddressWhenNoExternalUrlIsSet() throws Exception {
        String url = urls.forNotify(Optional.empty(), "http", 8080)
                .settingsUrlFor(SUBSCRIPTION, InetAddress.getByName("192.168.10.2"));

        assertThat(url).startsWith("http://192.168.10.2:8080/provisioning/000413a1b2c3.xml?token=");
        assertThat(tokens.check(token(url), PHONE)).isEqualTo(TokenCheck.VALID);
    }

    @Test
    void notifyUrlUsesTheExternalUrlWhenSet() throws Exception {
        String url = urls.forNotify(Optional.of(URI.create("https://pbx.example.com/")), "http", 8080)
                .settingsUrlFor(SUBSCRIPTION, InetAddress.getByName("192.168.10.2"));

        assertThat(url).startsWith("https://pbx.example.com/provisioning/000413a1b2c3.xml?token=");
    }

    @Test
    void notifyUrlWithIpv6InterfaceHasBrackets() throws Exception {
        String url = urls.forNotify(Optional.empty(), "http", 8080)
                .settingsUrlFor(SUBSCRIPTION, InetAddress.getByName("fd00::2"));

        assertThat(url).startsWith("http://[fd00::2]:8080/provisioning/");
    }

    @Test
    void notifyTokenIsShortLivedSettingServerTokenLongLived() throws Exception {
        String notifyUrl = urls.forNotify(Optional.empty(), "http", 8080)
                .settingsUrlFor(SUBSCRIPTION, InetAddress.getByName("192.168.10.2"));
        String settingServer = urls.settingServerUrl("https://pbx.example.com", PHONE);

        clock.advance(Duration.ofDays(30));

        assertThat(tokens.check(token(notifyUrl), PHONE)).isEqualTo(TokenCheck.EXPIRED);
        assertThat(tokens.check(token(settingServer), PHONE)).isEqualTo(TokenCheck.VALID);
    }

    @Test
    void urlsResolveBackToTheirFiles() {
        String base = "https://pbx.example.com" + ProvisioningUrls.MOUNT;
        String settings = urls.settingServerUrl("https://pbx.example.com", PHONE);
        String firmware = urls.firmwareUrl("https://pbx.example.com", PHONE);

        assertThat(resolver.resolve(settings.substring(base.length(), settings.indexOf('?')), null))
                .contains(new ProvisioningFile(ProvisioningFile.Kind.SETTINGS, PHONE));
        assertThat(resolver.resolve(firmware.substring(base.length()), null))
                .contains(new ProvisioningFile(ProvisioningFile.Kind.FIRMWARE, PHONE));
    }
}
