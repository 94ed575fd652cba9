package org.switchboard.dialplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.dialplan.plan.Plans.DOMAIN;
import static org.switchboard.dialplan.plan.Plans.OURS;
import static org.switchboard.dialplan.plan.Plans.dial;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.dialplan.plan.Outcome.Kind;
import org.switchboard.dialplan.rule.Caller;

class DialPlanTest {

    @Test
    void theFirstMatchingRuleByPriorityWinsWhateverOrderTheyWereAddedIn() {
        DialPlan plan = new Plans()
                .rule(20, "all-0", "*", "0*", "reject 403 Outside lines are barred")
                .rule(10, "local-030", "*", "030*", "forward sip:{user}@gw.example.net")
                .compile();

        assertThat(dial(plan, "201", "030123").describe()).isEqualTo("forward to sip:030123@gw.example.net (rule 10 local-030)");
        assertThat(dial(plan, "201", "040123").status()).isEqualTo(403);
    }

    @Test
    void rulesOfEqualPriorityGoByName() {
        DialPlan plan = new Plans()
                .rule(10, "b", "*", "2xx", "reject 480 Second")
                .rule(10, "a", "*", "2xx", "reject 480 First")
                .compile();

        assertThat(dial(plan, "201", "202").reason()).isEqualTo("First");
    }

    @Test
    void voicemailByPrefixForwardsTheRewrittenNumberToTheMailboxServer() {
        DialPlan plan = new Plans()
                .rule(10, "voicemail", "*", "9xxx", null, "forward sip:{user}@media.example.com", "{1}")
                .compile();

        Outcome outcome = dial(plan, "201", "9202");

        assertThat(outcome.kind()).isEqualTo(Kind.FORWARD);
        assertThat(outcome.targets()).containsExactly("sip:202@media.example.com");
    }

    @Test
    void aUserTargetIsAUserOfTheDomainAndTargetsRingInOrder() {
        DialPlan plan = new Plans()
                .rule(10, "reception", "*", "0", "forward 200, 201, sip:night@{domain}")
                .compile();

        assertThat(dial(plan, "205", "0").targets()).containsExactly("sip:200@example.com", "sip:201@example.com",
                "sip:night@example.com");
    }

    @Test
    void continueRewritesAndTheFollowingRulesSeeTheNewNumber() {
        DialPlan plan = new Plans()
                .rule(10, "national-to-e164", "*", "!^0([1-9]\\d+)$!+49\\1!", "continue")
                .rule(20, "germany", "*", "+49*", "forward sip:{user}@gw.example.net")
                .compile();

        Outcome outcome = dial(plan, "201", "030123456");

        assertThat(outcome.rewrites()).extracting(r -> r.name()).containsExactly("national-to-e164");
        assertThat(outcome.number()).isEqualTo("+4930123456");
        assertThat(outcome.targets()).containsExactly("sip:+4930123456@gw.example.net");
    }

    @Test
    void aContinueRuleIsNotAskedAgainForItsOwnResult() {
        DialPlan plan = new Plans()
                .rule(10, "strip-9", "*", "9*", null, "continue", "{1}")
                .rule(20, "users", "*", "2xx", "forward {user}")
                .compile();

        // 99201 loses one 9 only: rule 10 is behind us once it has rewritten
        assertThat(dial(plan, "201", "99201").status()).isEqualTo(404);
        assertThat(dial(plan, "201", "9201").targets()).containsExactly("sip:201@example.com");
    }

    @Test
    void anIncompleteNumberGets484AndTheCompletedOneRoutes() {
        DialPlan plan = new Plans()
                .rule(10, "intl", "*", "00xxxx*", "forward sip:{user}@gw.example.net")
                .rule(20, "users", "*", "2xx", "forward {user}")
                .rule(30, "regex", "*", "!^7\\d{3}$!!", "forward {user}")
                .compile();

        assertThat(dial(plan, "201", "0").describe()).isEqualTo("reject 484 Address Incomplete (no rule)");
        assertThat(dial(plan, "201", "0049").status()).isEqualTo(484);
        assertThat(dial(plan, "201", "2").status()).isEqualTo(484);
        assertThat(dial(plan, "201", "71").status()).isEqualTo(484);
        assertThat(dial(plan, "201", "004930").kind()).isEqualTo(Kind.FORWARD);
        assertThat(dial(plan, "201", "3").status()).isEqualTo(404);
        assertThat(dial(plan, "201", "2011").status()).isEqualTo(404);
    }

    @Test
    void onlyRulesThatApplyToTheCallerMakeANumberIncomplete() {
        DialPlan plan = new Plans()
                .rule(10, "boss-only", "user:200", "55xx", "forward {user}")
                .compile();

        assertThat(dial(plan, "200", "55").status()).isEqualTo(484);
        assertThat(dial(plan, "201", "55").status()).isEqualTo(404);
    }

    @Test
    void anInternalCallerIsDeniedInternationalNumbersButEmergencyNumbersPass() {
        DialPlan plan = new Plans()
                .permission("201", "internal")
                .rule(10, "internal-no-outside", "class:internal", "0*", "reject 403 Outside calls are barred")
                .rule(11, "internal-no-short", "class:internal", "1xx", "reject 403 Not allowed")
                .rule(20, "outside", "*", "0*", "forward sip:{user}@gw.example.net")
                .compile();

        assertThat(dial(plan, "201", "004930123").describe())
                .isEqualTo("reject 403 Outside calls are barred (rule 10 internal-no-outside)");
        assertThat(dial(plan, "202", "004930123").kind()).isEqualTo(Kind.FORWARD);
        Outcome emergency = dial(plan, "201", "112");
        assertThat(emergency.kind()).isEqualTo(Kind.DEFAULT);
        assertThat(emergency.number()).isEqualTo("112");
        assertThat(dial(plan, "201", "113").status()).isEqualTo(403);
    }

    @Test
    void anEmergencyNumberTakesAForwardingRuleForIt() {
        DialPlan plan = new Plans()
                .permission("201", "internal")
                .rule(5, "barred", "class:internal", "*", "reject 403 Barred")
                .rule(10, "emergency", "*", "11[02]", "forward sip:{user}@gw.example.net")
                .option(PlanOptions.EMERGENCY, "112, 110")
                .compile();

        assertThat(dial(plan, "201", "110").targets()).containsExactly("sip:110@gw.example.net");
        assertThat(dial(plan, "201", "911").status()).isEqualTo(403);
    }

    @Test
    void theUnmatchedStatusIsConfigurableOrRoutesAsWithoutAPlan() {
        Plans plans = new Plans().rule(10, "only", "*", "0*", "forward sip:{user}@gw.example.net");

        assertThat(dial(plans.compile(), "201", "202").describe()).isEqualTo("reject 404 Not Found (no rule)");
        assertThat(dial(plans.option(PlanOptions.UNMATCHED, "403").compile(), "201", "202").status()).isEqualTo(403);
        Outcome local = dial(plans.option(PlanOptions.UNMATCHED, "local").compile(), "201", "202");
        assertThat(local.kind()).isEqualTo(Kind.DEFAULT);
        assertThat(local.number()).isEqualTo("202");
    }

    @Test
    void aDomainWithoutRulesRoutesAsWithoutAPlan() {
        DialPlan plan = new Plans().rule(10, "bar", "*", "*", "reject 403 No").compile();

        Outcome outcome = plan.evaluate(new Call("other.example.com", "202", "other.example.com",
                new Caller(null, "201", null), Plans.MONDAY_NOON), OURS);

        assertThat(outcome.kind()).isEqualTo(Kind.DEFAULT);
        assertThat(DialPlan.EMPTY.evaluate(new Call(DOMAIN, "202", DOMAIN, new Caller(null, "", null),
                Plans.MONDAY_NOON), OURS).kind()).isEqualTo(Kind.DEFAULT);
    }

    @Test
    void officeHoursGoToReceptionAndTheRestToTheNightService() {
        DialPlan plan = new Plans()
                .schedule("office", "tz=Europe/Berlin; mon-fri 08:00-18:00; holidays=2026-12-24")
                .rule(10, "day", "*", "0", "office", "forward 200", null)
                .rule(20, "night", "*", "0", "!office", "redirect sip:night@service.example.net", null)
                .compile();

        assertThat(dial(plan, "201", "0", Instant.parse("2026-12-07T09:00:00Z")).targets())
                .containsExactly("sip:200@example.com");
        assertThat(dial(plan, "201", "0", Instant.parse("2026-12-07T17:30:00Z")).kind()).isEqualTo(Kind.REDIRECT);
        assertThat(dial(plan, "201", "0", Instant.parse("2026-12-24T09:00:00Z")).targets())
                .containsExactly("sip:night@service.example.net");
    }

    @Test
    void aRejectionCarriesItsErrorInfo() {
        DialPlan plan = new Plans()
                .rule(10, "premium", "*", "0900*", "reject 403 Premium numbers are barred; info=https://example.com/p")
                .compile();

        assertThat(dial(plan, "201", "0900123").errorInfo()).isEqualTo("https://example.com/p");
    }

    @Test
    void aRuleOnAnotherHostAppliesToCallsThere() {
        DialPlan plan = new Plans().rule(10, "any-host", "*", "*@*", "forward {user}").compile();

        Outcome outcome = plan.evaluate(new Call(DOMAIN, "bob", "elsewhere.net", new Caller(null, "201", null),
                Plans.MONDAY_NOON), OURS);

        assertThat(outcome.kind()).isEqualTo(Kind.FORWARD);
    }

    @Test
    void theIndexFindsRulesAmongManyAsALinearScanWould() {
        Plans plans = new Plans();
        for (int i = 0; i < 500; i++) {
            plans.rule(i, String.format("r%03d", i), "*", String.format("%03dxx", i), "forward {user}");
        }
        plans.rule(1000, "regex", "*", "!^(\\d)55(\\d+)$!\\1\\2!", "forward {user}");
        plans.rule(1001, "catch-all", "*", "*", "reject 404 Nothing");
        DialPlan plan = plans.compile();

        assertThat(dial(plan, "201", "12345").rule().name()).isEqualTo("r123");
        assertThat(dial(plan, "201", "49999").rule().name()).isEqualTo("r499");
        // a catch-all accepts every number as it is: nothing is incomplete
        assertThat(dial(plan, "201", "12").rule().name()).isEqualTo("catch-all");
        assertThat(dial(plan, "201", "1551").targets()).containsExactly("sip:11@example.com");
        assertThat(dial(plan, "201", "abc").rule().name()).isEqualTo("catch-all");
    }

    /** The national and international plan with permissions of docs/dialplan.md, as written there. */
    @Test
    void theManualsNationalAndInternationalPlanDoesWhatItSays() {
        DialPlan plan = new Plans()
                .permission("201", "internal").permission("202", "national").permission("203", "international")
                .rule(10, "internal-barred", "class:internal", "[01]*", "reject 403 Outside calls are barred")
                .rule(20, "national-no-intl", "class:national", "00*", "reject 403 International calls are barred")
                .rule(30, "premium-barred-n", "class:national", "0900*",
                        "reject 403 Premium numbers are barred; info=https://intranet.example.com/phones")
                .rule(31, "premium-barred-i", "class:international", "0900*",
                        "reject 403 Premium numbers are barred; info=https://intranet.example.com/phones")
                .rule(40, "emergency", "*", "11[02]", "forward sip:{user}@gw.example.com")
                .rule(50, "intl", "*", "!^00([1-9]\\d{5,})$!+\\1!", "forward sip:{user}@gw.example.com")
                .rule(60, "national", "*", "!^0([1-9]\\d{4,})$!+49\\1!", "forward sip:{user}@gw.example.com")
                .compile();

        assertThat(dial(plan, "201", "004930123").reason()).isEqualTo("Outside calls are barred");
        assertThat(dial(plan, "201", "112").targets()).containsExactly("sip:112@gw.example.com");
        assertThat(dial(plan, "202", "004930123").reason()).isEqualTo("International calls are barred");
        assertThat(dial(plan, "203", "0049").status()).isEqualTo(484);
        assertThat(dial(plan, "203", "004930123").targets()).containsExactly("sip:+4930123@gw.example.com");
        assertThat(dial(plan, "203", "0900123456").reason()).isEqualTo("Premium numbers are barred");
        assertThat(dial(plan, "202", "030123456").targets()).containsExactly("sip:+4930123456@gw.example.com");
    }
}
