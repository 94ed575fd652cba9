package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.cookie;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.Domain;

/** The first-run setup: only with the token, once, making the first system admin and domain. */
class SetupTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(false);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private Map<String, String> form(String token) {
        Map<String, String> form = new HashMap<>();
        form.put("token", token);
        form.put("username", "Alice");
        form.put("password", "a long admin password");
        form.put("password2", "a long admin password");
        form.put("domain", "Example.COM");
        return form;
    }

    @Test
    void withoutTheTokenThereIsNoSetupAndNoDefaultLogin() throws Exception {
        assertThat(site.get("/setup", null).getStatus()).isEqualTo(403);
        assertThat(site.get("/setup?token=guess", null).getStatus()).isEqualTo(403);
        assertThat(site.post("/setup", null, form("guess")).getStatus()).isEqualTo(403);
        assertThat(site.admins.count()).isZero();
        assertThat(site.get("/login", null).getContent()).contains("No administrator exists yet");
    }

    @Test
    void theSetupLinkCreatesTheSystemAdminAndFirstDomainLogsInAndThenNoLongerWorks() throws Exception {
        String token = site.setup.value();
        HttpTester.Response page = site.get("/setup?token=" + token, null);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContent()).contains("<label for=\"domain\">");

        HttpTester.Response done = site.post("/setup", null, form(token));

        assertThat(done.getStatus()).isEqualTo(303);
        var alice = site.admins.find("alice").orElseThrow();
        assertThat(alice.role()).isEqualTo(AdminRole.SYSTEM_ADMIN);
        assertThat(alice.passwordHash()).startsWith("$argon2id$").doesNotContain("a long admin password");
        assertThat(site.admins.domains()).containsExactly(new Domain("example.com"));
        String session = Cookies.SESSION + "=" + cookie(done, Cookies.SESSION);
        assertThat(site.get("/admins", session).getStatus()).isEqualTo(200);
        assertThat(site.auditStore.page(null, 0, 10)).extracting(AuditEntry::action)
                .containsExactly("domain.add", "admin.add");

        assertThat(site.post("/setup", null, form(token)).getStatus()).isEqualTo(303);
        assertThat(site.get("/setup?token=" + token, null).get("Location")).isEqualTo("/admin/login");
        assertThat(site.admins.count()).isEqualTo(1);
    }

    @Test
    void aWeakPasswordOrBadDomainIsExplainedAndNothingIsCreated() throws Exception {
        Map<String, String> bad = form(site.setup.value());
        bad.put("password", "short");
        bad.put("password2", "short");
        bad.put("domain", "not a domain!");

        HttpTester.Response response = site.post("/setup", null, bad);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContent()).contains("12 to 128 characters", "not a valid domain name");
        assertThat(site.admins.count()).isZero();
        assertThat(site.setup.open()).isTrue();
    }
}
