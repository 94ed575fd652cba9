package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AuditEntry;

/** Users as CSV: export with passwords that imports again, import with dry run, preview and per-line errors. */
class UserCsvPagesTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
        site.admins.addUser("example.com", "201", "Smith, Ann");
        site.admins.addUser("example.com", "202", null);
        site.admins.addUser("other.org", "900", "Other");
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void theExportIsTheImportsFormatWithPasswordsQuotedWhereNeededAndIsAudited() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response export = site.get("/users/export?domain=example.com", root);

        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.get("Content-Type")).startsWith("text/csv");
        assertThat(export.get("Content-Disposition")).isEqualTo("attachment; filename=\"users-example.com.csv\"");
        assertThat(export.get("Cache-Control")).isEqualTo("no-store");
        assertThat(export.getContent()).isEqualTo("user,password,display name\r\n201,secret-201,\"Smith, Ann\"\r\n"
                + "202,secret-202\r\n");
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("users.export");
        assertThat(entry.domain()).isEqualTo("example.com");
    }

    @Test
    void aDryRunPreviewsTheValidUsersListsEachBadLineAndAddsNobody() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response checked = site.post("/users/import", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "action", "check", "csv", "user,password,display name\n203,pw-203-long,Carol\n"
                        + "bob,pw,Bob\n204,pw-204-long,Dave\n"));

        assertThat(checked.getStatus()).isEqualTo(400);
        assertThat(checked.getContent()).contains("Nothing would be imported into example.com: 1 line is invalid",
                "line 3: bad user name bob", "<td>203</td><td>Carol</td>", "<td>204</td><td>Dave</td>",
                "2 valid lines (preview)");
        assertThat(site.admins.users("example.com")).hasSize(2);
    }

    @Test
    void anImportWithoutBadLinesAddsEveryUserAndIsAuditedWithoutPasswords() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response imported = site.post("/users/import", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "action", "import", "csv", "203,pw-203-long,Carol\n204,pw-204-long\n"));

        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(imported.getContent()).contains("Imported 2 users into example.com.");
        assertThat(site.admins.users("example.com")).hasSize(4);
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("users.import");
        assertThat(entry.after()).contains("users=2").doesNotContain("pw-203-long");
    }

    @Test
    void aDomainAdminExportsAndImportsOnlyTheirDomain() throws Exception {
        String carol = site.login("carol", PASSWORD);

        assertThat(site.get("/users/export?domain=other.org", carol).getStatus()).isEqualTo(403);
        assertThat(site.post("/users/import", carol, Map.of("csrf", site.csrf(carol), "domain", "other.org",
                "action", "import", "csv", "901,pw-901-long\n")).getStatus()).isEqualTo(403);
        assertThat(site.get("/users/export", carol).getContent()).contains("201,secret-201").doesNotContain("900");
        assertThat(site.admins.users("other.org")).hasSize(1);
    }

    @Test
    void markupInAnImportedDisplayNameIsPreviewedEscaped() throws Exception {
        String root = site.login("root", PASSWORD);

        String page = site.post("/users/import", root, Map.of("csrf", site.csrf(root), "domain", "example.com",
                "action", "check", "csv", "205,pw-205-long,<script>alert(1)</script>\n")).getContent();

        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
