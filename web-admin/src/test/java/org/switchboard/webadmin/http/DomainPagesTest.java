package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.Domain;

/** The domains page: the list with counts, adding (audited), refusals. */
class DomainPagesTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
        site.admins.addUser("example.com", "201", null);
        site.admins.addUser("example.com", "202", null);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void listsEachDomainWithItsUsersAndAddsOne() throws Exception {
        String root = site.login("root", PASSWORD);
        assertThat(site.get("/domains", root).getContent()).contains("example.com</a></td><td>2</td>",
                "other.org</a></td><td>0</td>");

        HttpTester.Response added = site.post("/domains", root, Map.of("csrf", site.csrf(root), "name",
                "Branch.Example.com"));

        assertThat(added.getStatus()).isEqualTo(303);
        assertThat(site.admins.domains()).contains(new Domain("branch.example.com"));
        assertThat(site.auditStore.page(null, 0, 1).get(0).action()).isEqualTo("domain.add");
    }

    @Test
    void aBadOrDuplicateDomainIsExplained() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response bad = site.post("/domains", root, Map.of("csrf", site.csrf(root), "name", "no way"));
        HttpTester.Response duplicate = site.post("/domains", root, Map.of("csrf", site.csrf(root), "name",
                "example.com"));

        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContent()).contains("not a valid domain name");
        assertThat(duplicate.getStatus()).isEqualTo(400);
        assertThat(duplicate.getContent()).contains("example.com exists");
    }

    @Test
    void domainAdminsCannotSeeOrAddDomains() throws Exception {
        String carol = site.login("carol", PASSWORD);

        assertThat(site.get("/domains", carol).getStatus()).isEqualTo(403);
        assertThat(site.post("/domains", carol, Map.of("csrf", site.csrf(carol), "name", "evil.org")).getStatus())
                .isEqualTo(403);
        assertThat(site.admins.domains()).doesNotContain(new Domain("evil.org"));
    }
}
