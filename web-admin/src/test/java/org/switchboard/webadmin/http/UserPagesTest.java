package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.User;

/** The users pages over an in-memory directory: list, add, edit, delete, domain scoping, escaping. */
class UserPagesTest {
    private AdminSiteHarness site;
    private String root;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
        for (int i = 200; i < 260; i++) {
            site.admins.addUser("example.com", String.valueOf(i), "Desk " + i);
        }
        site.admins.addUser("other.org", "900", "Other's secret desk");
        root = site.login("root", PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void theListIsSearchedSortedAndPagedOnTheServer() throws Exception {
        String page = site.get("/users?domain=example.com&sort=name&dir=desc&page=0", root).getContent();

        assertThat(page).contains("60 users in example.com; page 1 of 2", "<td>259</td>", "aria-sort=\"descending\"")
                .doesNotContain("<td>209</td>");
        assertThat(site.get("/users?domain=example.com&page=1", root).getContent()).contains("<td>259</td>")
                .doesNotContain("<td>200</td>");
        assertThat(site.get("/users?domain=example.com&q=desk+205", root).getContent())
                .contains("1 users matching", "<td>205</td>");
    }

    @Test
    void addingAUserShowsItsGeneratedPasswordOnceAndAuditsItMasked() throws Exception {
        HttpTester.Response added = site.post("/users/add", root, Map.of("csrf", site.csrf(root), "domain",
                "example.com", "name", "301", "displayName", "Reception"));

        assertThat(added.getStatus()).isEqualTo(200);
        assertThat(added.getContent()).contains("Added 301@example.com (Reception)", "generated-301");
        assertThat(site.admins.user("example.com", "301")).isPresent();
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("user.add");
        assertThat(entry.after()).contains("sipPassword=***").doesNotContain("generated-301");
        assertThat(site.get("/users?domain=example.com&q=301", root).getContent()).doesNotContain("generated-301");
    }

    @Test
    void aDuplicateUserIsExplained() throws Exception {
        HttpTester.Response again = site.post("/users/add", root, Map.of("csrf", site.csrf(root), "domain",
                "example.com", "name", "200"));

        assertThat(again.getStatus()).isEqualTo(400);
        assertThat(again.getContent()).contains("User 200 exists");
    }

    @Test
    void editingChangesDisplayNameAndEnabledWithBeforeAndAfterInTheAuditLog() throws Exception {
        assertThat(site.get("/users/edit?domain=example.com&name=201", root).getContent())
                .contains("value=\"Desk 201\"", "checked");

        HttpTester.Response saved = site.post("/users/edit", root, Map.of("csrf", site.csrf(root), "domain",
                "example.com", "name", "201", "displayName", "Sales"));

        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(site.admins.user("example.com", "201")).contains(new User("example.com", "201", "Sales", false));
        AuditEntry entry = site.auditStore.page(null, 0, 1).get(0);
        assertThat(entry.before()).isEqualTo("displayName=Desk 201, enabled=true, name=201");
        assertThat(entry.after()).isEqualTo("displayName=Sales, enabled=false, name=201");
    }

    @Test
    void deletingAsksFirstThenDeletesOnPost() throws Exception {
        assertThat(site.get("/users/delete?domain=example.com&name=202", root).getContent())
                .contains("Delete user 202@example.com?");
        assertThat(site.admins.user("example.com", "202")).isPresent();

        HttpTester.Response deleted = site.post("/users/delete", root, Map.of("csrf", site.csrf(root), "domain",
                "example.com", "name", "202"));

        assertThat(deleted.getStatus()).isEqualTo(303);
        assertThat(site.admins.user("example.com", "202")).isEmpty();
        assertThat(site.auditStore.page(null, 0, 1).get(0).action()).isEqualTo("user.delete");
    }

    @Test
    void aDomainAdminSeesOnlyTheirDomainAndCannotTouchAnother() throws Exception {
        String carol = site.login("carol", PASSWORD);
        String csrf = site.csrf(carol);

        assertThat(site.get("/users", carol).getContent()).contains("in example.com").doesNotContain("other.org");
        assertThat(site.get("/users?domain=other.org", carol).getStatus()).isEqualTo(403);
        assertThat(site.get("/users/edit?domain=other.org&name=900", carol).getStatus()).isEqualTo(403);
        assertThat(site.post("/users/delete", carol, Map.of("csrf", csrf, "domain", "other.org", "name", "900"))
                .getStatus()).isEqualTo(403);
        assertThat(site.post("/users/add", carol, Map.of("csrf", csrf, "domain", "other.org", "name", "901"))
                .getStatus()).isEqualTo(403);
        assertThat(site.admins.user("other.org", "900")).isPresent();
        assertThat(site.admins.user("other.org", "901")).isEmpty();
    }

    @Test
    void markupInADisplayNameIsShownEscapedOnEveryPage() throws Exception {
        String xss = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        site.post("/users/add", root, Map.of("csrf", site.csrf(root), "domain", "example.com", "name", "666",
                "displayName", xss));

        for (String path : new String[] {"/users?domain=example.com&q=666", "/users/edit?domain=example.com&name=666",
            "/users/delete?domain=example.com&name=666", "/audit", "/users?domain=example.com&q=" + "%3Cscript"}) {
            String html = site.get(path, root).getContent();
            assertThat(html).as(path).doesNotContain("<script>", "<img src=x").contains("&lt;");
        }
    }

    @Test
    void usersPagesNeedALogin() throws Exception {
        for (String path : new String[] {"/users", "/users/edit?domain=example.com&name=200",
            "/users/delete?domain=example.com&name=200"}) {
            assertThat(site.get(path, null).getStatus()).as(path).isEqualTo(303);
        }
        assertThat(site.post("/users/delete", null, Map.of("domain", "example.com", "name", "200")).getStatus())
                .isEqualTo(303);
        assertThat(site.admins.user("example.com", "200")).isPresent();
    }
}
