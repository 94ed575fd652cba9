package org.switchboard.dialplan.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.dialplan.pattern.RuleSyntaxException;

class RuleParserTest {
    private static final Map<String, Schedule> SCHEDULES = Map.of("office",
            RuleParser.schedule(new DialSchedule("office", "mon-fri 08:00-18:00")));

    private static Rule rule(String caller, String callee, String schedule, String action, String rewrite) {
        return RuleParser.rule(new DialRule("Example.COM", 10, "r", caller, callee, schedule, action, rewrite),
                SCHEDULES);
    }

    @Test
    void readsEveryCallerCondition() {
        Caller internal201 = new Caller(AddressOfRecord.parse("sip:201@example.com"), "201", "internal");
        Caller outsider = new Caller(null, "0301234", null);

        assertThat(rule("*", "x*", null, "forward {user}", null).caller().applies(outsider, h -> true)).isTrue();
        assertThat(rule("user:201", "x*", null, "forward {user}", null).caller().applies(internal201, h -> true))
                .isTrue();
        assertThat(rule("user:202", "x*", null, "forward {user}", null).caller().applies(internal201, h -> true))
                .isFalse();
        assertThat(rule("number:030*", "x*", null, "forward {user}", null).caller().applies(outsider, h -> true))
                .isTrue();
        assertThat(rule("class:internal", "x*", null, "forward {user}", null).caller()
                .applies(internal201, h -> true)).isTrue();
        assertThat(rule("class:national", "x*", null, "forward {user}", null).caller()
                .applies(internal201, h -> true)).isFalse();
        assertThat(rule("class:internal", "x*", null, "forward {user}", null).caller().applies(outsider, h -> true))
                .isFalse();
    }

    @Test
    void readsEveryAction() {
        assertThat(rule("*", "9xxx", null, "forward sip:{user}@media.example.com, 200", "{1}").action())
                .isEqualTo(new Action.Forward(List.of(new ForwardTarget.Uri("sip:{user}@media.example.com"),
                        new ForwardTarget.LocalUser("200"))));
        assertThat(rule("*", "5xx", null, "redirect sip:{user}@branch.example.com", null).action())
                .isEqualTo(new Action.Redirect(List.of("sip:{user}@branch.example.com")));
        assertThat(rule("*", "0900*", null, "reject 403 Premium numbers are barred; info=https://example.com/why",
                null).action()).isEqualTo(new Action.Reject(403, "Premium numbers are barred",
                        "https://example.com/why"));
        assertThat(rule("*", "0*", null, "continue", "+49{1}").action()).isEqualTo(new Action.Continue());
    }

    @Test
    void readsAScheduleConditionOrItsOpposite() {
        assertThat(rule("*", "x*", "office", "forward {user}", null).schedule().outside()).isFalse();
        assertThat(rule("*", "x*", "!office", "forward {user}", null).schedule().outside()).isTrue();
    }

    @Test
    void keepsTheDomainInLowerCase() {
        assertThat(rule("*", "x*", null, "forward {user}", null).domain()).isEqualTo("example.com");
    }

    @Test
    void rejectsBadFieldsNamingFieldAndPosition() {
        assertThatThrownBy(() -> rule("class:vip", "x*", null, "forward {user}", null))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.field()).isEqualTo("caller");
                    assertThat(e.getMessage()).contains("internal");
                });
        assertThatThrownBy(() -> rule("*", "x*", "weekend", "forward {user}", null))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.field()).isEqualTo("schedule"));
        assertThatThrownBy(() -> rule("*", "x*", null, "forward 201, sip:@", null))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.position()).isEqualTo(13));
        assertThatThrownBy(() -> rule("*", "x*", null, "reject 200 OK", null))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("300-699");
        assertThatThrownBy(() -> rule("*", "x*", null, "reject 403", null))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("reason phrase");
        assertThatThrownBy(() -> rule("*", "x*", null, "continue", null))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("no rewrite");
        assertThatThrownBy(() -> rule("*", "x*", null, "ring 201", null))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("unknown action");
        assertThatThrownBy(() -> rule("trunk:it sp", "x*", null, "forward {user}", null))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("trunk name");
    }

    @Test
    void readsTrunkCallersAndTrunkTargetsInOrder() {
        Rule did = rule("trunk:itsp", "4930123456", null, "forward 201", null);
        assertThat(did.caller().applies(new Caller(null, "0301234", null, "itsp"), h -> true)).isTrue();
        assertThat(did.caller().applies(new Caller(null, "0301234", null, "other"), h -> true)).isFalse();
        assertThat(did.caller().applies(new Caller(null, "0301234", null), h -> true)).isFalse();
        assertThat(rule("trunk:", "x*", null, "forward 201", null).caller()
                .applies(new Caller(null, "1", null, "other"), h -> true)).isTrue();

        Action.Forward out = (Action.Forward) rule("*", "0*", null, "forward trunk:itsp, trunk:backup", null).action();
        assertThat(out.targets()).containsExactly(new ForwardTarget.Trunk("itsp"), new ForwardTarget.Trunk("backup"));
        assertThat(out.targets().get(1).resolve("004930123", "201", "example.com")).isEqualTo("trunk:backup/004930123");
    }
}
