package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.event.SwitchboardEvent.EndReason;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/** The dashboard's numbers from the directory, the bindings and the event bus; its warnings; its reload. */
class DashboardPageTest {
    private AdminSiteHarness site;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
        site.admins.addUser("example.com", "201", "Alice");
        site.admins.addUser("example.com", "202", "Bob");
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private void register(String user, String domain, int port) {
        Flow flow = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("192.0.2.44", port), 0);
        site.bindings.add(new Binding(new AddressOfRecord(user, domain), "sip:" + user + "@192.0.2.44:" + port, 1.0,
                site.clock.instant().plus(Duration.ofMinutes(5)), "c" + port, 1, List.of(), null, 0, flow, "ua"));
    }

    private static String counter(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\">");
        assertThat(at).as(id).isPositive();
        return html.substring(html.indexOf('>', at) + 1, html.indexOf("</dd>", at));
    }

    @Test
    void countsUsersRegistrationsCallsAndBansLive() throws Exception {
        register("201", "example.com", 40001);
        register("201", "example.com", 40002);
        Instant now = site.clock.instant();
        site.events.publish(new SwitchboardEvent.CallStarted(now, "call-1", "t1", "sip:201@example.com", "sip:202@example.com"));
        site.events.publish(new SwitchboardEvent.CallStarted(now, "call-2", "t2", "sip:202@example.com", "sip:201@example.com"));
        site.events.publish(new SwitchboardEvent.CallAnswered(now, "call-1"));
        site.events.publish(new SwitchboardEvent.CallEnded(now, "call-2", EndReason.NOT_ANSWERED, 486, null));
        site.events.publish(new SwitchboardEvent.BanAdded(now, InetAddress.getByName("203.0.113.9"),
                now.plusSeconds(600), "scanner"));
        String root = site.login("root", PASSWORD);

        String html = site.get("/", root).getContent();

        assertThat(counter(html, "count-users")).isEqualTo("2");
        assertThat(counter(html, "count-registered")).isEqualTo("1");
        assertThat(counter(html, "count-contacts")).isEqualTo("2");
        assertThat(counter(html, "count-active-calls")).isEqualTo("1");
        assertThat(counter(html, "count-calls")).isEqualTo("2 (1 answered)");
        assertThat(counter(html, "count-bans")).isEqualTo("1");
        site.clock.advance(Duration.ofMinutes(11));
        assertThat(counter(site.get("/", root).getContent(), "count-bans")).isEqualTo("0");
    }

    @Test
    void warnsOfEmptyDomainsAndASingleSystemAdmin() throws Exception {
        String html = site.get("/", site.login("root", PASSWORD)).getContent();

        assertThat(html).contains("Domain other.org has no users yet", "There is one system administrator")
                .doesNotContain("Domain example.com has no users");
    }

    @Test
    void aDomainAdminSeesTheirDomainsNumbersOnly() throws Exception {
        register("900", "other.org", 40003);
        register("201", "example.com", 40001);

        String html = site.get("/", site.login("carol", PASSWORD)).getContent();

        assertThat(counter(html, "count-domains")).isEqualTo("1");
        assertThat(counter(html, "count-contacts")).isEqualTo("1");
        assertThat(html).doesNotContain("count-active-calls", "count-bans", "other.org");
    }

    @Test
    void reloadsItselfOnlyWhenAskedWithinBounds() throws Exception {
        String root = site.login("root", PASSWORD);

        assertThat(site.get("/", root).getContent()).doesNotContain("http-equiv=\"refresh\"").contains("?auto=10");
        assertThat(site.get("/?auto=10", root).getContent()).contains("<meta http-equiv=\"refresh\" content=\"10\">",
                "Stop reloading");
        assertThat(site.get("/?auto=1", root).getContent()).contains("content=\"5\"");
    }
}
