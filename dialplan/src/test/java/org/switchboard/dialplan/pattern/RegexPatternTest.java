package org.switchboard.dialplan.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RegexPatternTest {
    private static final Predicate<String> OURS = Set.of("example.com")::contains;

    private static NumberPattern regex(String text) {
        return NumberPattern.compile("callee", text, null);
    }

    @Test
    void theExpressionMustMatchTheWholeNumber() {
        NumberPattern p = regex("!^0([1-9]\\d+)$!+49\\1!");
        assertThat(p.fit("030123", "example.com", OURS)).isEqualTo(Fit.MATCH);
        assertThat(p.fit("0030123", "example.com", OURS)).isEqualTo(Fit.NONE);
        assertThat(regex("!112!!").fit("1123", "example.com", OURS)).isEqualTo(Fit.NONE);
    }

    @Test
    void backReferencesRewriteTheNumber() {
        assertThat(regex("!^0([1-9]\\d+)$!+49\\1!").rewrite("030123")).isEqualTo("+4930123");
        assertThat(regex("!^(\\d{3})(\\d+)$!\\2-\\1 (\\0)!").rewrite("123456")).isEqualTo("456-123 (123456)");
        assertThat(regex("!^9(\\d+)$!!").rewrite("9201")).isEqualTo("9201");
    }

    @Test
    void anEscapedBangBelongsToTheExpression() {
        NumberPattern p = regex("!^a\\!b$!ok!");
        assertThat(p.fit("a!b", "example.com", OURS)).isEqualTo(Fit.MATCH);
        assertThat(p.rewrite("a!b")).isEqualTo("ok");
    }

    @Test
    void theIFlagIgnoresCase() {
        assertThat(regex("!^voicemail$!!i").fit("VoiceMail", "example.com", OURS)).isEqualTo(Fit.MATCH);
        assertThat(regex("!^voicemail$!!").fit("VoiceMail", "example.com", OURS)).isEqualTo(Fit.NONE);
    }

    @Test
    void aNumberThatRanOutBeforeTheExpressionIsAPrefix() {
        NumberPattern p = regex("!^00\\d{6,}$!!");
        assertThat(p.fit("0049", "example.com", OURS)).isEqualTo(Fit.PREFIX);
        assertThat(p.fit("0", "example.com", OURS)).isEqualTo(Fit.PREFIX);
        assertThat(p.fit("1", "example.com", OURS)).isEqualTo(Fit.NONE);
    }

    @Test
    void onlyNumbersInOurDomainsAreMatched() {
        assertThat(regex("!.*!!").fit("201", "elsewhere.net", OURS)).isEqualTo(Fit.NONE);
    }

    @Test
    void theFixedStartOfTheExpressionIndexesTheRule() {
        assertThat(regex("!^0049(\\d+)$!!").literalPrefix()).isEqualTo("0049");
        assertThat(regex("!^00?1!!").literalPrefix()).isEqualTo("0");
        assertThat(regex("!^1|2!!").literalPrefix()).isEmpty();
        assertThat(regex("!\\d+!!").literalPrefix()).isEmpty();
    }

    @Test
    void aBadExpressionIsRejectedWithItsPositionInTheField() {
        assertThatThrownBy(() -> regex("!^0(\\d+$!x!"))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.field()).isEqualTo("callee");
                    assertThat(e.position()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("position 8");
                });
        assertThatThrownBy(() -> regex("!^0(\\d+)$!\\2!"))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.position()).isEqualTo(10));
        assertThatThrownBy(() -> regex("!^0$!!g"))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.position()).isEqualTo(6));
        assertThatThrownBy(() -> regex("!^0$"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("!pattern!replacement!flags");
        assertThatThrownBy(() -> NumberPattern.compile("callee", "!^0$!!", "{1}"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("carries its own rewrite");
    }
}
