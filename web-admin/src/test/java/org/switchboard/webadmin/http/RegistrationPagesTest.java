package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/** The registrations page over a fixed list of bindings: per domain, live only, escaped, scoped. */
class RegistrationPagesTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private Binding binding(String user, String domain, String contact, Duration left, String userAgent) {
        Flow flow = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("192.0.2.44", 40123), 0);
        return new Binding(new AddressOfRecord(user, domain), contact, 1.0, site.clock.instant().plus(left), "c1", 1,
                List.of(), null, 0, flow, userAgent);
    }

    @Test
    void showsTheDomainsLiveBindingsWithSourceTransportAndExpiry() throws Exception {
        site.bindings.add(binding("201", "example.com", "sip:201@192.0.2.44:40123", Duration.ofSeconds(300),
                "snom D785"));
        site.bindings.add(binding("202", "example.com", "sip:202@192.0.2.45", Duration.ofSeconds(-1), "gone"));
        site.bindings.add(binding("900", "other.org", "sip:900@198.51.100.9", Duration.ofSeconds(60), "other"));
        String root = site.login("root", PASSWORD);

        String page = site.get("/registrations?domain=example.com", root).getContent();

        assertThat(page).contains("1 registered contacts in example.com", "sip:201@192.0.2.44:40123",
                "192.0.2.44:40123", "UDP", "snom D785", "300 s").doesNotContain("sip:202@", "sip:900@");
    }

    @Test
    void aDomainAdminSeesOnlyTheirDomainsRegistrations() throws Exception {
        site.bindings.add(binding("900", "other.org", "sip:900@198.51.100.9", Duration.ofSeconds(60), "other"));
        site.bindings.add(binding("201", "example.com", "sip:201@192.0.2.44", Duration.ofSeconds(60), "mine"));
        String carol = site.login("carol", PASSWORD);

        assertThat(site.get("/registrations", carol).getContent()).contains("sip:201@192.0.2.44")
                .doesNotContain("sip:900@");
        assertThat(site.get("/registrations?domain=other.org", carol).getStatus()).isEqualTo(403);
        assertThat(site.get("/registrations", null).getStatus()).isEqualTo(303);
    }

    @Test
    void aUserAgentWithMarkupIsShownEscaped() throws Exception {
        site.bindings.add(binding("201", "example.com", "sip:201@192.0.2.44", Duration.ofSeconds(60),
                "<script>alert(1)</script>"));
        String root = site.login("root", PASSWORD);

        assertThat(site.get("/registrations", root).getContent()).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void unregisteringRemovesTheBindingAndIsAudited() throws Exception {
        Binding bound = binding("201", "example.com", "sip:201@192.0.2.44:40123", Duration.ofSeconds(300), "snom D785");
        site.bindings.add(bound);
        String root = site.login("root", PASSWORD);
        String page = site.get("/registrations?domain=example.com", root).getContent();
        assertThat(page).contains("action=\"/admin/registrations/unregister\"", "value=\"uri:sip:201@192.0.2.44:40123\"");

        HttpTester.Response done = site.post("/registrations/unregister", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "user", "201", "key", bound.key()));

        assertThat(done.getStatus()).isEqualTo(303);
        assertThat(done.get("Location")).isEqualTo("/admin/registrations?domain=example.com&removed="
                + "sip%3A201%40192.0.2.44%3A40123");
        assertThat(site.bindings).isEmpty();
        assertThat(site.auditStore.page(null, 0, 1).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("registration.remove");
            assertThat(e.object()).isEqualTo("201@example.com");
            assertThat(e.before()).contains("sip:201@192.0.2.44:40123", "snom D785");
        });
        assertThat(site.get("/registrations?domain=example.com&removed=sip%3A201%40192.0.2.44%3A40123", root)
                .getContent()).contains("Removed the registration of sip:201@192.0.2.44:40123.");
    }

    @Test
    void unregisteringABindingThatEndedMeanwhileSaysSoAndAuditsNothing() throws Exception {
        String root = site.login("root", PASSWORD);
        int before = site.auditStore.page(null, 0, 100).size();

        HttpTester.Response done = site.post("/registrations/unregister", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "user", "201", "key", "uri:sip:201@192.0.2.44"));

        assertThat(done.get("Location")).endsWith("&gone=201");
        assertThat(site.auditStore.page(null, 0, 100)).hasSize(before);
    }

    @Test
    void aDomainAdminCannotUnregisterAnotherDomainsPhone() throws Exception {
        Binding other = binding("900", "other.org", "sip:900@198.51.100.9", Duration.ofSeconds(60), "other");
        site.bindings.add(other);
        String carol = site.login("carol", PASSWORD);

        HttpTester.Response refused = site.post("/registrations/unregister", carol, Map.of("csrf", site.csrf(carol),
                "domain", "other.org", "user", "900", "key", other.key()));
        HttpTester.Response forged = site.post("/registrations/unregister", carol, Map.of("domain", "example.com",
                "user", "900", "key", other.key()));

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(site.bindings).containsExactly(other);
    }
}
