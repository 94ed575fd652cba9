package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;

/** The devices page: discovered phones first, assigned in one step, released, scoped per domain, escaped. */
class DevicesPagesTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
        site.admins.addUser("example.com", "201", "Alice");
        site.admins.addUser("other.org", "900", "Other");
        site.devices.put(new Device("000413aabbcc", "snom", "snomD785", "10.1.2", "192.0.2.50",
                site.clock.instant(), site.clock.instant(), null, List.of()));
        site.devices.put(new Device("000413000001", "snom", "snomD717", "10.1.2", "198.51.100.7",
                site.clock.instant(), site.clock.instant(), site.clock.instant(),
                List.of(new DeviceLine(1, "other.org", "900"))));
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void aDiscoveredPhoneIsAssignedToAUserInOneStepAndAudited() throws Exception {
        String root = site.login("root", PASSWORD);
        String page = site.get("/devices?domain=example.com", root).getContent();

        HttpTester.Response assigned = site.post("/devices/assign", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "mac", "000413aabbcc", "user", "201"));

        assertThat(page).contains("2 phones", "000413aabbcc", "snom snomD785", "192.0.2.50", "discovered",
                "<option value=\"201\">201@example.com</option>", "1: 900@other.org");
        assertThat(page.indexOf("000413aabbcc")).isLessThan(page.indexOf("000413000001"));
        assertThat(assigned.getStatus()).isEqualTo(303);
        assertThat(assigned.get("Location")).isEqualTo("/admin/devices?domain=example.com&assigned=000413aabbcc");
        assertThat(site.devices.find("000413aabbcc").toCompletableFuture().join().orElseThrow().lines())
                .containsExactly(new DeviceLine(1, "example.com", "201"));
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("device.assign");
        assertThat(entry.after()).contains("201@example.com");
    }

    @Test
    void assigningToAUserThatDoesNotExistShowsTheReason() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response refused = site.post("/devices/assign", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "mac", "000413aabbcc", "user", "999"));

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContent()).contains("No user 999@example.com");
    }

    @Test
    void releasingAPhoneTakesItsUsersAway() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response released = site.post("/devices/release", root, Map.of("csrf", site.csrf(root),
                "mac", "000413000001"));

        assertThat(released.getStatus()).isEqualTo(303);
        assertThat(site.devices.find("000413000001").toCompletableFuture().join().orElseThrow().assigned()).isFalse();
        assertThat(site.auditStore.page(null, 0, 1).get(0).action()).isEqualTo("device.release");
    }

    @Test
    void aDomainAdminSeesDiscoveredAndOwnPhonesOnlyAndCannotTakeAnotherDomainsPhone() throws Exception {
        String carol = site.login("carol", PASSWORD);

        String page = site.get("/devices", carol).getContent();
        HttpTester.Response steal = site.post("/devices/assign", carol, Map.of("csrf", site.csrf(carol),
                "domain", "example.com", "mac", "000413000001", "user", "201"));
        HttpTester.Response release = site.post("/devices/release", carol, Map.of("csrf", site.csrf(carol),
                "mac", "000413000001"));
        HttpTester.Response otherDomain = site.post("/devices/assign", carol, Map.of("csrf", site.csrf(carol),
                "domain", "other.org", "mac", "000413aabbcc", "user", "900"));

        assertThat(page).contains("000413aabbcc").doesNotContain("000413000001", "900@other.org");
        assertThat(steal.getStatus()).isEqualTo(403);
        assertThat(release.getStatus()).isEqualTo(403);
        assertThat(otherDomain.getStatus()).isEqualTo(403);
        assertThat(site.devices.find("000413000001").toCompletableFuture().join().orElseThrow().lines())
                .containsExactly(new DeviceLine(1, "other.org", "900"));
    }

    @Test
    void aModelWithMarkupIsShownEscaped() throws Exception {
        site.devices.put(new Device("000413ffffff", "<b>x</b>", "<script>alert(1)</script>", "", null, null, null,
                null, List.of()));
        String root = site.login("root", PASSWORD);

        assertThat(site.get("/devices", root).getContent()).doesNotContain("<script>alert", "<b>x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
