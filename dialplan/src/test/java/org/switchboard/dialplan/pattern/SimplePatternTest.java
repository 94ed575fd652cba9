package org.switchboard.dialplan.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SimplePatternTest {
    private static final Predicate<String> OURS = Set.of("example.com", "other.example.com")::contains;

    private static Fit fit(String pattern, String number) {
        return NumberPattern.compile("callee", pattern, null).fit(number, "example.com", OURS);
    }

    @Test
    void xIsOneDigitAndLiteralsStandForThemselves() {
        assertThat(fit("2xx", "201")).isEqualTo(Fit.MATCH);
        assertThat(fit("2xx", "2a1")).isEqualTo(Fit.NONE);
        assertThat(fit("2xx", "301")).isEqualTo(Fit.NONE);
        assertThat(fit("2xx", "2011")).isEqualTo(Fit.NONE);
        assertThat(fit("+49x", "+491")).isEqualTo(Fit.MATCH);
    }

    @Test
    void aClassTakesTheDigitsAndRangesListed() {
        assertThat(fit("[1-35]x", "20")).isEqualTo(Fit.MATCH);
        assertThat(fit("[1-35]x", "50")).isEqualTo(Fit.MATCH);
        assertThat(fit("[1-35]x", "40")).isEqualTo(Fit.NONE);
    }

    @Test
    void starTakesTheRestIncludingNothing() {
        assertThat(fit("0049*", "004930123456")).isEqualTo(Fit.MATCH);
        assertThat(fit("0049*", "0049")).isEqualTo(Fit.MATCH);
        assertThat(fit("*", "anything")).isEqualTo(Fit.MATCH);
    }

    @Test
    void aNumberShorterThanThePatternIsAPrefix() {
        assertThat(fit("0049x*", "004")).isEqualTo(Fit.PREFIX);
        assertThat(fit("0049x*", "0049")).isEqualTo(Fit.PREFIX);
        assertThat(fit("2xx", "2")).isEqualTo(Fit.PREFIX);
        assertThat(fit("2xx", "3")).isEqualTo(Fit.NONE);
    }

    @Test
    void theHostPartIsOursByDefaultAnyWithStarOrNamed() {
        NumberPattern ours = NumberPattern.compile("callee", "9xxx", null);
        NumberPattern tilde = NumberPattern.compile("callee", "9xxx@~", null);
        NumberPattern any = NumberPattern.compile("callee", "9xxx@*", null);
        NumberPattern named = NumberPattern.compile("callee", "9xxx@gw.example.net", null);

        assertThat(ours.fit("9201", "elsewhere.net", OURS)).isEqualTo(Fit.NONE);
        assertThat(tilde.fit("9201", "other.example.com", OURS)).isEqualTo(Fit.MATCH);
        assertThat(any.fit("9201", "elsewhere.net", OURS)).isEqualTo(Fit.MATCH);
        assertThat(named.fit("9201", "GW.example.net".toLowerCase(), OURS)).isEqualTo(Fit.MATCH);
        assertThat(named.fit("9201", "example.com", OURS)).isEqualTo(Fit.NONE);
    }

    @Test
    void rewriteRefersToRunsOfWildcardsAndTheRest() {
        assertThat(NumberPattern.compile("callee", "9xxx", "{1}").rewrite("9201")).isEqualTo("201");
        assertThat(NumberPattern.compile("callee", "0[1-9]*", "+49{1}{2}").rewrite("030123"))
                .isEqualTo("+4930123");
        assertThat(NumberPattern.compile("callee", "8x0x", "{2}-{1}-{user}").rewrite("8102"))
                .isEqualTo("2-1-8102");
        assertThat(NumberPattern.compile("callee", "2xx", null).rewrite("201")).isEqualTo("201");
    }

    @Test
    void theLiteralPrefixIndexesTheRule() {
        assertThat(NumberPattern.compile("callee", "0049x*", null).literalPrefix()).isEqualTo("0049");
        assertThat(NumberPattern.compile("callee", "x0", null).literalPrefix()).isEmpty();
        assertThat(NumberPattern.compile("callee", "112", null).literalPrefix()).isEqualTo("112");
    }

    @Test
    void badPatternsAreRejectedWithThePositionOfTheError() {
        assertThatThrownBy(() -> NumberPattern.compile("callee", "0*1", null))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.position()).isEqualTo(1));
        assertThatThrownBy(() -> NumberPattern.compile("callee", "0[1-", null))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.position()).isEqualTo(1));
        assertThatThrownBy(() -> NumberPattern.compile("callee", "0[5-1]", null))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.position()).isEqualTo(4));
        assertThatThrownBy(() -> NumberPattern.compile("callee", "9xxx@", null))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.position()).isEqualTo(4));
        assertThatThrownBy(() -> NumberPattern.compile("callee", "9xxx", "{2}"))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.field()).isEqualTo("rewrite");
                    assertThat(e.position()).isEqualTo(0);
                });
    }
}
