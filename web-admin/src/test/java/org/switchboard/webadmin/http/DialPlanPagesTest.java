package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.DialRule;

/** The dial plan page: rules per domain, the tester, add/replace and delete with checks, scope and escaping. */
class DialPlanPagesTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
        site.dialPlan.saveRule(new DialRule("example.com", 10, "operator", "*", "0", null, "forward 200", null));
        site.dialPlan.saveRule(new DialRule("example.com", 20, "voicemail", "*", "9", null,
                "forward sip:vm@vm.example.com", null));
        site.dialPlan.saveRule(new DialRule("other.org", 10, "secret-rule", "*", "0", null, "forward 999", null));
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void showsTheDomainsRulesInOrderAndTheTesterHighlightsTheDecidingRule() throws Exception {
        String root = site.login("root", PASSWORD);

        String list = site.get("/dialplan?domain=example.com", root).getContent();
        String tested = site.get("/dialplan?domain=example.com&from=201&to=9", root).getContent();

        assertThat(list).contains("2 rules of example.com").doesNotContain("secret-rule");
        assertThat(list.indexOf("operator")).isLessThan(list.indexOf("voicemail"));
        assertThat(tested).contains("201@example.com dials 9",
                "<span id=\"decision\">forward sip:vm@vm.example.com (rule 20 voicemail)</span>",
                "class=\"matched\"", "voicemail (matched)");
    }

    @Test
    void aTestTheServiceCannotReadShowsItsReason() throws Exception {
        String root = site.login("root", PASSWORD);

        String page = site.get("/dialplan?domain=example.com&from=201%40&to=9&at=yesterday", root).getContent();

        assertThat(page).contains("id=\"test-error\"");
    }

    @Test
    void savingARuleChecksItAddsOrReplacesItAndAuditsBeforeAndAfter() throws Exception {
        String root = site.login("root", PASSWORD);
        Map<String, String> form = rule(site.csrf(root), "example.com", "30", "intl", "00*", "reject 403 Barred");

        HttpTester.Response added = site.post("/dialplan/save", root, form);
        form.put("action", "reject 403 International calls are barred");
        HttpTester.Response replaced = site.post("/dialplan/save", root, form);

        assertThat(added.getStatus()).isEqualTo(303);
        assertThat(added.get("Location")).isEqualTo("/admin/dialplan?domain=example.com&saved=intl");
        assertThat(replaced.getStatus()).isEqualTo(303);
        assertThat(site.dialPlan.rules()).filteredOn(r -> r.name().equals("intl")).singleElement()
                .extracting(DialRule::action).isEqualTo("reject 403 International calls are barred");
        AuditEntry edit = site.auditStore.page(null, 0, 2).get(0);
        AuditEntry add = site.auditStore.page(null, 0, 2).get(1);
        assertThat(add.action()).isEqualTo("dialplan.rule.add");
        assertThat(edit.action()).isEqualTo("dialplan.rule.edit");
        assertThat(edit.before()).contains("reject 403 Barred");
        assertThat(edit.after()).contains("International calls are barred");
    }

    @Test
    void aRuleTheDialPlanCannotCompileIsShownWithItsErrorAndNotSaved() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response refused = site.post("/dialplan/save", root, rule(site.csrf(root), "example.com", "x",
                "", "!^0(", "forward 200"));
        HttpTester.Response badRegex = site.post("/dialplan/save", root, rule(site.csrf(root), "example.com", "5",
                "broken", "!^0(", "forward 200"));

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContent()).contains("Priority must be a whole number", "Give the rule a name");
        assertThat(badRegex.getStatus()).isEqualTo(400);
        assertThat(badRegex.getContent()).contains("callee at position 4", "value=\"!^0(\"");
        assertThat(site.dialPlan.rules()).hasSize(3);
    }

    @Test
    void deletingARuleRemovesItAndAuditsIt() throws Exception {
        String root = site.login("root", PASSWORD);

        HttpTester.Response deleted = site.post("/dialplan/delete", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "name", "voicemail"));
        HttpTester.Response missing = site.post("/dialplan/delete", root, Map.of("csrf", site.csrf(root),
                "domain", "example.com", "name", "voicemail"));

        assertThat(deleted.getStatus()).isEqualTo(303);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(site.dialPlan.rules()).extracting(DialRule::name).containsExactly("operator", "secret-rule");
        assertThat(site.auditStore.page(null, 0, 1).get(0).action()).isEqualTo("dialplan.rule.delete");
    }

    @Test
    void aDomainAdminSeesTestsAndChangesOnlyTheirDomainsPlan() throws Exception {
        String carol = site.login("carol", PASSWORD);

        assertThat(site.get("/dialplan", carol).getContent()).contains("operator").doesNotContain("secret-rule");
        assertThat(site.get("/dialplan?domain=other.org", carol).getStatus()).isEqualTo(403);
        assertThat(site.get("/dialplan?domain=example.com&from=900%40other.org&to=0", carol).getStatus())
                .isEqualTo(403);
        assertThat(site.get("/dialplan?domain=example.com&from=201&to=0%40other.org", carol).getStatus())
                .isEqualTo(403);
        assertThat(site.post("/dialplan/delete", carol, Map.of("csrf", site.csrf(carol), "domain", "other.org",
                "name", "secret-rule")).getStatus()).isEqualTo(403);
        assertThat(site.post("/dialplan/save", carol, rule(site.csrf(carol), "other.org", "1", "mine", "1",
                "forward 1")).getStatus()).isEqualTo(403);
        assertThat(site.dialPlan.rules()).hasSize(3);
    }

    @Test
    void markupInARuleAndInATestedNumberIsShownEscaped() throws Exception {
        site.dialPlan.saveRule(new DialRule("example.com", 40, "<b>bold</b>", "*", "7", null,
                "reject 403 <script>alert(1)</script>", null));
        String root = site.login("root", PASSWORD);

        String page = site.get("/dialplan?domain=example.com&from=%3Cimg%20src%3Dx%3E&to=%3Cscript%3E", root)
                .getContent();

        assertThat(page).doesNotContain("<script>alert", "<b>bold", "<img src=x>", "<script>\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;");
    }

    private static Map<String, String> rule(String csrf, String domain, String priority, String name, String to,
            String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("domain", domain);
        form.put("priority", priority);
        form.put("name", name);
        form.put("from", "*");
        form.put("to", to);
        form.put("action", action);
        return form;
    }
}
