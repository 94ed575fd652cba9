package org.switchboard.dialplan.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.service.DialPlanService.DialTest;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.dialplan.pattern.RuleSyntaxException;

/** The dial plan service the CLI and the web admin test with: the stored plan, compiled as the router does. */
class PlanInspectorTest {
    private final InMemoryDialPlanStore store = new InMemoryDialPlanStore();
    private final PlanInspector inspector = new PlanInspector(store, () -> List.of("example.com", "other.org"),
            Clock.fixed(Instant.parse("2026-12-24T17:00:00Z"), ZoneId.of("Europe/Berlin")));

    @Test
    void explainsRewritesTheDecidingRuleAndTheTargetsInOrder() {
        store.saveRule(new DialRule("example.com", 10, "e164", "*", "!^0([1-9]\\d+)$!+49\\1!", null, "continue", null));
        store.saveRule(new DialRule("example.com", 20, "germany", "*", "+49*", null,
                "forward sip:{user}@gw1.example.net, sip:{user}@gw2.example.net", null));

        DialTest test = inspector.test("201@example.com", "030123", null);

        assertThat(test.heading()).isEqualTo("201@example.com (class none) dials 030123@example.com at "
                + "2026-12-24T17:00:00Z");
        assertThat(test.steps()).containsExactly(
                "rewritten by rule 10 e164: !^0([1-9]\\d+)$!+49\\1! -> +4930123",
                "matched rule 20 germany: from * to +49* -> forward sip:{user}@gw1.example.net,"
                        + " sip:{user}@gw2.example.net",
                "number: +4930123",
                "target 1: sip:+4930123@gw1.example.net",
                "target 2: sip:+4930123@gw2.example.net");
        assertThat(test.decision()).isEqualTo("forward to sip:+4930123@gw1.example.net, sip:+4930123@gw2.example.net"
                + " (rule 20 germany)");
        assertThat(test.rule()).isEqualTo("germany");
    }

    @Test
    void aNumberAtAnotherOfOurDomainsIsRoutedByThatDomainsPlanAndATimeWithoutOffsetIsInTheClocksZone() {
        store.saveRule(new DialRule("other.org", 10, "night", "*", "0", null, "reject 480 Closed", null));
        store.setPermissionClass(new AddressOfRecord("201", "example.com"), "internal");

        DialTest test = inspector.test("201@example.com", "0@other.org", "2026-12-24T18:00");

        assertThat(test.heading()).isEqualTo("201@example.com (class internal) dials 0@other.org at "
                + "2026-12-24T17:00:00Z");
        assertThat(test.decision()).isEqualTo("reject 480 Closed (rule 10 night)");
    }

    @Test
    void aDomainWithoutRulesSaysSoAndNoRuleDecides() {
        DialTest test = inspector.test("201@example.com", "202", "2026-12-24T18:00+01:00");

        assertThat(test.steps()).containsExactly("example.com has no rules: the call goes to the registered user 202");
        assertThat(test.rule()).isNull();
    }

    @Test
    void aBadCallerOrTimeIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> inspector.test("201@example.com", "0", "tomorrow"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tomorrow' is not a time");
        assertThatThrownBy(() -> inspector.test("201@", "0", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'201@' is not a caller like 201@example.com");
    }

    @Test
    void checkRefusesARuleTheServerCouldNotCompileAndNamesTheField() {
        assertThatThrownBy(() -> inspector.check(new DialRule("example.com", 1, "bad", "*", "!^0(!x!", null,
                "continue", null))).isInstanceOf(RuleSyntaxException.class).hasMessageStartingWith("callee");
        inspector.check(new DialRule("example.com", 1, "good", "*", "0", null, "forward 200", null));
    }
}
