package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AuditEntry;

/** The security page: bans listed with their reason, lifted by a POST, audited, for system admins only. */
class SecurityPagesTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void listsTheBansAndUnbanLiftsOneAndAuditsIt() throws Exception {
        site.bans.add(InetAddress.getByName("192.0.2.66"), Duration.ofMinutes(10), "5 failed authentications");
        site.bans.add(InetAddress.getByName("2001:db8::9"), Duration.ofMinutes(20), "scanner");
        String root = site.login("root", PASSWORD);

        String page = site.get("/security", root).getContent();
        HttpTester.Response lifted = site.post("/security/unban", root, Map.of("csrf", site.csrf(root),
                "address", "192.0.2.66"));

        assertThat(page).contains("<li>192.0.2.0/24</li>", "<li>2001:db8::/32</li>");
        assertThat(page).contains("2 banned addresses", "192.0.2.66", "5 failed authentications", "600 s",
                "2001:db8:0:0:0:0:0:9", "2026-12-07T10:10:00Z");
        assertThat(lifted.getStatus()).isEqualTo(303);
        assertThat(lifted.get("Location")).isEqualTo("/admin/security?lifted=192.0.2.66");
        assertThat(site.bans.list()).extracting(b -> b.source().getHostAddress()).containsExactly("2001:db8:0:0:0:0:0:9");
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("ban.lift");
        assertThat(entry.object()).isEqualTo("192.0.2.66");
        assertThat(entry.before()).contains("5 failed authentications");
        assertThat(site.get("/security?lifted=192.0.2.66", root).getContent()).contains("Lifted the ban on 192.0.2.66.");
    }

    @Test
    void unbanningAnAddressNotBannedOrNotAnAddressChangesNothing() throws Exception {
        String root = site.login("root", PASSWORD);
        int entries = site.auditStore.page(null, 0, 100).size();

        HttpTester.Response notBanned = site.post("/security/unban", root, Map.of("csrf", site.csrf(root),
                "address", "192.0.2.67"));
        HttpTester.Response hostName = site.post("/security/unban", root, Map.of("csrf", site.csrf(root),
                "address", "evil.example.net"));

        assertThat(notBanned.get("Location")).isEqualTo("/admin/security?notBanned=192.0.2.67");
        assertThat(hostName.getStatus()).isEqualTo(400);
        assertThat(hostName.getContent()).contains("is not an IP address");
        assertThat(site.auditStore.page(null, 0, 100)).hasSize(entries);
    }

    @Test
    void aDomainAdminCanNeitherSeeNorLiftBans() throws Exception {
        site.bans.add(InetAddress.getByName("192.0.2.66"), Duration.ofMinutes(10), "5 failed authentications");
        String carol = site.login("carol", PASSWORD);

        assertThat(site.get("/security", carol).getStatus()).isEqualTo(403);
        assertThat(site.post("/security/unban", carol, Map.of("csrf", site.csrf(carol), "address", "192.0.2.66"))
                .getStatus()).isEqualTo(403);
        assertThat(site.bans.list()).hasSize(1);
    }

    @Test
    void aReasonWithMarkupIsShownEscaped() throws Exception {
        site.bans.add(InetAddress.getByName("192.0.2.66"), Duration.ofMinutes(10), "<script>alert(1)</script>");
        String root = site.login("root", PASSWORD);

        assertThat(site.get("/security", root).getContent()).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
