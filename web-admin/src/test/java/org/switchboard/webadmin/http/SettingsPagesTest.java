package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.webadmin.fakes.TestSettings;

/** The settings page: value, default, source, live or restart; live ones changed, validated, audited. */
class SettingsPagesTest {
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
    void showsEverySettingWithDefaultSourceAndWhenItAppliesAndFormsOnlyForChangeableOnes() throws Exception {
        String root = site.login("root", PASSWORD);

        String page = site.get("/settings", root).getContent();

        assertThat(page).contains("4 settings", "proxy.ringTimeout", "3m", "override (--proxy-max-forwards)",
                "restart", "live");
        assertThat(page).contains("id=\"value-proxy.ringTimeout\"", "id=\"value-proxy.greeting\"")
                .doesNotContain("id=\"value-proxy.maxForwards\"", "id=\"value-proxy.workers\"");
    }

    @Test
    void changingALiveSettingAppliesItAtOnceAndAuditsBeforeAndAfter() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response saved = site.post("/settings/change", root, Map.of("csrf", site.csrf(root),
                "key", "proxy.ringTimeout", "value", "90s"));

        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(site.settings.current(TestSettings.SECTION).ringTimeout()).isEqualTo(Duration.ofSeconds(90));
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("setting.change");
        assertThat(entry.object()).isEqualTo("proxy.ringTimeout");
        assertThat(entry.before()).contains("3m");
        assertThat(entry.after()).contains("90s");
        assertThat(site.get("/settings?saved=proxy.ringTimeout", root).getContent())
                .contains("Saved proxy.ringTimeout; it applies now.", "stored");
    }

    @Test
    void aBadValueAPinnedSettingAndARestartSettingAreRefusedWithTheReason() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response bad = site.post("/settings/change", root, Map.of("csrf", site.csrf(root),
                "key", "proxy.ringTimeout", "value", "soon"));
        HttpTester.Response pinned = site.post("/settings/change", root, Map.of("csrf", site.csrf(root),
                "key", "proxy.maxForwards", "value", "10"));
        HttpTester.Response restart = site.post("/settings/change", root, Map.of("csrf", site.csrf(root),
                "key", "proxy.workers", "value", "8"));

        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContent()).contains("proxy.ringTimeout");
        assertThat(pinned.getStatus()).isEqualTo(400);
        assertThat(restart.getStatus()).isEqualTo(400);
        assertThat(restart.getContent()).contains("applies at a restart");
        assertThat(site.settings.current(TestSettings.SECTION).ringTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(site.settings.current(TestSettings.SECTION).workers()).isEqualTo(4);
        assertThat(site.settings.current(TestSettings.SECTION).maxForwards()).isEqualTo(20);
    }

    @Test
    void aDomainAdminCannotOpenOrChangeSettings() throws Exception {
        String carol = site.login("carol", PASSWORD);

        assertThat(site.get("/settings", carol).getStatus()).isEqualTo(403);
        assertThat(site.post("/settings/change", carol, Map.of("csrf", site.csrf(carol), "key", "proxy.greeting",
                "value", "x")).getStatus()).isEqualTo(403);
        assertThat(site.settings.current(TestSettings.SECTION).greeting()).isEqualTo("hello");
    }

    @Test
    void aValueWithMarkupIsShownEscaped() throws Exception {
        String root = site.login("root", PASSWORD);
        site.post("/settings/change", root, Map.of("csrf", site.csrf(root), "key", "proxy.greeting",
                "value", "<script>alert(1)</script>"));

        assertThat(site.get("/settings", root).getContent()).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
