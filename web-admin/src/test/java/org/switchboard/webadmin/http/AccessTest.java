package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;
import static org.switchboard.webadmin.http.AdminSiteHarness.cookie;
import static org.switchboard.webadmin.http.AdminSiteHarness.hidden;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.AuditEntry;

/** Login, logout, sessions, roles and CSRF of the web admin, over in-memory stores. */
class AccessTest {
    private AdminSiteHarness site;

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/audit", "/admins", "/audit?page=2", "/no-such-page", "/security", "/dialplan",
        "/dialplan?domain=example.com&from=201&to=0", "/registrations", "/settings", "/devices",
        "/users/export?domain=example.com", "/users/import"})
    void everyPageWithoutASessionRedirectsToTheLoginAndBack(String path) throws Exception {
        site = new AdminSiteHarness(true);

        HttpTester.Response response = site.get(path, null);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.get("Location")).startsWith("/admin/login?next=");
        assertThat(java.net.URLDecoder.decode(response.get("Location").substring("/admin/login?next=".length()),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admins", "/logout", "/audit", "/registrations/unregister", "/security/unban",
        "/dialplan/save", "/dialplan/delete", "/settings/change", "/devices/assign", "/devices/release",
        "/users/import"})
    void everyPostWithoutASessionIsRedirectedAndChangesNothing(String path) throws Exception {
        site = new AdminSiteHarness(true);

        HttpTester.Response response = site.post(path, "switchboard_admin=forged", Map.of("username", "eve",
                "password", "eve's password!", "password2", "eve's password!", "role", "SYSTEM_ADMIN"));

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.get("Location")).startsWith("/admin/login");
        assertThat(site.admins.find("eve")).isEmpty();
    }

    @Test
    void loginSetsAStrictHttpOnlySessionCookieAndLogoutEndsTheSession() throws Exception {
        site = new AdminSiteHarness(true);
        HttpTester.Response form = site.get("/login", null);
        String token = cookie(form, Cookies.LOGIN);
        HttpTester.Response ok = site.post("/login", Cookies.LOGIN + "=" + token, Map.of("csrf",
                hidden(form.getContent(), "csrf"), "username", "Root", "password", PASSWORD, "next", "/admins"));

        assertThat(ok.getStatus()).isEqualTo(303);
        assertThat(ok.get("Location")).isEqualTo("/admin/admins");
        String header = AdminSiteHarness.setCookieHeader(ok, Cookies.SESSION);
        assertThat(header).contains("; Path=/admin", "; HttpOnly", "; SameSite=Strict").doesNotContain("Secure");
        String session = Cookies.SESSION + "=" + cookie(ok, Cookies.SESSION);
        assertThat(site.get("/admins", session).getStatus()).isEqualTo(200);

        HttpTester.Response out = site.post("/logout", session, Map.of("csrf", site.csrf(session)));

        assertThat(out.getStatus()).isEqualTo(303);
        assertThat(AdminSiteHarness.setCookieHeader(out, Cookies.SESSION)).contains("Max-Age=0");
        assertThat(site.get("/admins", session).getStatus()).isEqualTo(303);
        assertThat(site.auditStore.page(null, 0, 10)).extracting(AuditEntry::action)
                .containsSubsequence("logout", "login");
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutMustLogInAgain() throws Exception {
        site = new AdminSiteHarness(true);
        String session = site.login("root", PASSWORD);

        site.clock.advance(java.time.Duration.ofMinutes(31));

        assertThat(site.get("/audit", session).getStatus()).isEqualTo(303);
    }

    @Test
    void aWrongPasswordIsRefusedAndAfterThreeTheAccountWaitsFromThatAddressOnly() throws Exception {
        site = new AdminSiteHarness(true);
        for (int i = 0; i < 4; i++) {
            assertThat(attempt("root", "wrong password!!").getStatus()).isEqualTo(401);
        }

        HttpTester.Response blocked = attempt("root", PASSWORD);

        assertThat(blocked.getStatus()).isEqualTo(429);
        assertThat(blocked.getContent()).contains("Too many failed logins for this name from your address");
        // another account from the same (office) address is unaffected
        assertThat(site.login("carol", PASSWORD)).isNotBlank();
        site.clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(site.login("root", PASSWORD)).isNotBlank();
        assertThat(site.auditStore.page(null, 0, 100)).filteredOn(e -> e.action().equals("login.failed")).hasSize(4);
    }

    @Test
    void anUnknownNameGetsTheSameAnswerAsAWrongPassword() throws Exception {
        site = new AdminSiteHarness(true);

        HttpTester.Response unknown = attempt("nobody", PASSWORD);
        HttpTester.Response wrong = attempt("root", "not the password");

        assertThat(unknown.getStatus()).isEqualTo(wrong.getStatus()).isEqualTo(401);
        assertThat(unknown.getContent()).contains("Wrong name or password.");
    }

    @Test
    void aLoginPostWithoutTheFormsTokenIsRefused() throws Exception {
        site = new AdminSiteHarness(true);

        HttpTester.Response forged = site.post("/login", null, Map.of("username", "root", "password", PASSWORD));

        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(cookie(forged, Cookies.SESSION)).isNull();
    }

    private HttpTester.Response attempt(String username, String password) throws Exception {
        HttpTester.Response form = site.get("/login", null);
        return site.post("/login", Cookies.LOGIN + "=" + cookie(form, Cookies.LOGIN), Map.of("csrf",
                hidden(form.getContent(), "csrf"), "username", username, "password", password));
    }

    @Test
    void aForgedPostWithoutOrWithAWrongCsrfTokenIsRefused() throws Exception {
        site = new AdminSiteHarness(true);
        String session = site.login("root", PASSWORD);
        Map<String, String> form = Map.of("username", "eve", "password", "eve's password!", "password2",
                "eve's password!", "role", "SYSTEM_ADMIN");

        HttpTester.Response without = site.post("/admins", session, form);
        HttpTester.Response wrong = site.post("/admins", session, with(form, "csrf", "guessed"));

        assertThat(without.getStatus()).isEqualTo(403);
        assertThat(wrong.getStatus()).isEqualTo(403);
        assertThat(without.getContent()).contains("stale or forged");
        assertThat(site.admins.find("eve")).isEmpty();
        HttpTester.Response real = site.post("/admins", session, with(form, "csrf", site.csrf(session)));
        assertThat(real.getStatus()).isEqualTo(303);
        assertThat(site.admins.find("eve")).isPresent();
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(form);
        copy.put(name, value);
        return copy;
    }

    @Test
    void aDomainAdminCannotOpenSystemPagesNorSeeAnotherDomainsAuditEntries() throws Exception {
        site = new AdminSiteHarness(true);
        site.auditStore.append(new AuditEntry(site.clock.instant(), "root", "192.0.2.1", "user.add", "other.org",
                "secret-user-of-other@other.org", null, null));
        site.auditStore.append(new AuditEntry(site.clock.instant(), "root", "192.0.2.1", "user.add", "example.com",
                "201@example.com", null, null));
        String carol = site.login("carol", PASSWORD);

        assertThat(site.get("/admins", carol).getStatus()).isEqualTo(403);
        assertThat(site.post("/admins", carol, Map.of("csrf", site.csrf(carol), "username", "mallory", "password",
                "mallory's password", "password2", "mallory's password", "role", "SYSTEM_ADMIN")).getStatus())
                        .isEqualTo(403);
        assertThat(site.admins.find("mallory")).isEmpty();
        String audit = site.get("/audit", carol).getContent();
        assertThat(audit).contains("201@example.com").doesNotContain("other.org");
    }

    @Test
    void aSystemAdminAddsADomainAdminAndTheAuditLogMasksThePasswordHash() throws Exception {
        site = new AdminSiteHarness(true);
        String root = site.login("root", PASSWORD);

        HttpTester.Response added = site.post("/admins", root, Map.of("csrf", site.csrf(root), "username", "dave",
                "password", "dave's password", "password2", "dave's password", "role", "DOMAIN_ADMIN", "domain",
                "other.org"));

        assertThat(added.getStatus()).isEqualTo(303);
        assertThat(site.admins.find("dave").orElseThrow().role()).isEqualTo(AdminRole.DOMAIN_ADMIN);
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("admin.add");
        assertThat(entry.actor()).isEqualTo("root");
        assertThat(entry.after()).contains("passwordHash=***", "domain=other.org").doesNotContain("argon2");
    }

    @Test
    void badNewAccountsAreExplainedNextToTheForm() throws Exception {
        site = new AdminSiteHarness(true);
        String root = site.login("root", PASSWORD);

        HttpTester.Response bad = site.post("/admins", root, Map.of("csrf", site.csrf(root), "username", "x y",
                "password", "short", "password2", "short", "role", "DOMAIN_ADMIN", "domain", "nowhere.net"));

        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContent()).contains("The name must be", "12 to 128 characters",
                "A domain admin needs one of the server&#39;s domains");
    }

    @Test
    void markupInAFailedLoginNameIsShownEscapedInTheAuditLog() throws Exception {
        site = new AdminSiteHarness(true);
        attempt("<script>alert(1)</script>", "whatever");
        String root = site.login("root", PASSWORD);

        String audit = site.get("/audit", root).getContent();

        assertThat(audit).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void everyAnswerForbidsFramingScriptsFromElsewhereAndTheReferer() throws Exception {
        site = new AdminSiteHarness(true);

        HttpTester.Response login = site.get("/login", null);

        assertThat(login.get("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(login.get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(login.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.get("Cache-Control")).isEqualTo("no-store");
        assertThat(login.getContent()).contains("<label for=\"username\">", "<label for=\"password\">")
                .doesNotContain("http://", "https://");
    }
}
