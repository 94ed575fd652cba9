package org.switchboard.webadmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.webadmin.http.AdminSiteHarness.PASSWORD;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecord.Hangup;

/** The call log page: a day by default, a date range, pages, system admins only. */
class CallLogPagesTest {
    private AdminSiteHarness site;
    private String root;

    @BeforeEach
    void start() throws Exception {
        site = new AdminSiteHarness(true);
        Instant today = site.clock.instant();
        site.calls.add(new CallRecord("today-1", "sip:201@example.com", "sip:202@example.com", today.minusSeconds(60),
                today.minusSeconds(55), today.minusSeconds(10), 200, Hangup.CALLER));
        site.calls.add(new CallRecord("yesterday-1", "sip:<b>x</b>@example.com", "sip:203@example.com",
                today.minusSeconds(86_400), null, today.minusSeconds(86_390), 486, Hangup.NONE));
        for (int i = 0; i < 60; i++) {
            site.calls.add(new CallRecord("old-" + i, "sip:201@example.com", "sip:209@example.com",
                    Instant.parse("2026-11-01T08:00:00Z").plusSeconds(i), null, null, 0, Hangup.NONE));
        }
        root = site.login("root", PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void withoutARangeItShowsTodaysCalls() throws Exception {
        String page = site.get("/calls", root).getContent();

        assertThat(page).contains("today-1", "answered", "0:00:45", "caller").doesNotContain("yesterday-1", "old-");
    }

    @Test
    void aRangeIncludesBothDaysAndShowsFailuresEscaped() throws Exception {
        String page = site.get("/calls?from=2026-12-06&to=2026-12-07", root).getContent();

        assertThat(page).contains("today-1", "yesterday-1", "failed 486", "sip:&lt;b&gt;x&lt;/b&gt;@example.com")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void longRangesArePagedNewestFirst() throws Exception {
        String first = site.get("/calls?from=2026-11-01&to=2026-11-01", root).getContent();
        String second = site.get("/calls?from=2026-11-01&to=2026-11-01&page=1", root).getContent();

        assertThat(first).contains("old-59", "old-10", "rel=\"next\"").doesNotContain("old-9<");
        assertThat(second).contains("old-9<", "old-0<").doesNotContain("rel=\"next\"");
    }

    @Test
    void badDatesAndBackwardRangesAreExplained() throws Exception {
        assertThat(site.get("/calls?from=yesterday", root).getContent()).contains("YYYY-MM-DD");
        assertThat(site.get("/calls?from=2026-12-07&to=2026-12-01", root).getStatus()).isEqualTo(400);
        assertThat(site.get("/calls?from=2020-01-01&to=2026-12-01", root).getStatus()).isEqualTo(400);
    }

    @Test
    void domainAdminsAndVisitorsWithoutSessionDoNotSeeIt() throws Exception {
        assertThat(site.get("/calls", site.login("carol", PASSWORD)).getStatus()).isEqualTo(403);
        assertThat(site.get("/calls", null).getStatus()).isEqualTo(303);
    }
}
