package org.switchboard.core.spi.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.spi.settings.Applies.When.LIVE;
import static org.switchboard.core.spi.settings.TestSections.EVERYTHING;
import static org.switchboard.core.spi.settings.TestSections.RINGING;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.spi.settings.TestSections.BanAction;
import org.switchboard.core.spi.settings.TestSections.Everything;
import org.switchboard.core.spi.settings.TestSections.Ringing;

class SectionTest {

    @Test
    void roundTripsEveryKindOfValueThroughItsText() {
        Everything value = new Everything("pbx.example.com", -7, Long.MAX_VALUE, true, Duration.ofMinutes(3),
                BanAction.REJECT_WITH_403, List.of("eth0", "wlan0"));

        Map<String, String> text = EVERYTHING.encode(value);

        assertThat(text).containsExactly(Map.entry("host", "pbx.example.com"), Map.entry("count", "-7"),
                Map.entry("big", "9223372036854775807"), Map.entry("on", "true"), Map.entry("delay", "3m"),
                Map.entry("action", "reject-with-403"), Map.entry("interfaces", "eth0,wlan0"));
        assertThat(EVERYTHING.decode(EVERYTHING.defaults(), text)).isEqualTo(value);
    }

    @Test
    void roundTripsTheEmptyTextAndTheEmptyList() {
        Everything value = new Everything("", 0, 0, false, Duration.ZERO, BanAction.DROP, List.of());

        Map<String, String> text = EVERYTHING.encode(value);

        assertThat(text).containsEntry("host", "").containsEntry("interfaces", "").containsEntry("delay", "0s");
        assertThat(EVERYTHING.decode(EVERYTHING.defaults(), text)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "1500ms, 1500", "30s, 30000", "90s, 90000", "3m, 180000", "2h, 7200000",
        "1d, 86400000", "0s, 0"})
    void writesDurationsInTheLargestUnitThatDividesThem(String text, long millis) {
        Setting wait = EVERYTHING.setting("delay").orElseThrow();

        assertThat(wait.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(wait.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void readsValuesLeniently() {
        assertThat(EVERYTHING.setting("delay").orElseThrow().parse(" 30S ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(EVERYTHING.setting("on").orElseThrow().parse("TRUE")).isEqualTo(true);
        assertThat(EVERYTHING.setting("count").orElseThrow().parse(" 42")).isEqualTo(42);
        assertThat(EVERYTHING.setting("action").orElseThrow().parse("Reject-With-403"))
                .isEqualTo(BanAction.REJECT_WITH_403);
        assertThat(EVERYTHING.setting("action").orElseThrow().parse("reject_with_403"))
                .isEqualTo(BanAction.REJECT_WITH_403);
        assertThat(EVERYTHING.setting("interfaces").orElseThrow().parse(" eth0 , eth1 "))
                .isEqualTo(List.of("eth0", "eth1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "delay | soon | everything.delay: 'soon' is not a duration like 30s, 500ms or 3m (units ms, s, m, h, d)",
        "delay | 30 | everything.delay: '30' is not a duration like 30s",
        "delay | -5s | everything.delay: '-5s' is not a duration",
        "delay | 99999999999999999d | everything.delay: '99999999999999999d' is too long a duration",
        "count | 3000000000 | everything.count: '3000000000' is not a whole number",
        "big | 1.5 | everything.big: '1.5' is not a whole number",
        "on | yes | everything.on: 'yes' is not true or false",
        "action | ban | everything.action: 'ban' is not one of drop, reject-with-403",
        "interfaces | eth0,,eth1 | everything.interfaces: 'eth0,,eth1' has an empty element"})
    void refusesMalformedTextNamingTheSettingAndWhatWasExpected(String name, String text, String message) {
        Setting setting = EVERYTHING.setting(name).orElseThrow();

        assertThatThrownBy(() -> setting.parse(text)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((InvalidSettingException) e).key()).isEqualTo("everything." + name));
    }

    @Test
    void refusesValuesThatHaveNoTextForm() {
        Everything commaInList = new Everything("", 1, 1, false, Duration.ZERO, BanAction.DROP, List.of("a,b"));
        Everything subMillisecond = new Everything("", 1, 1, false, Duration.ofNanos(1), BanAction.DROP, List.of());
        Everything nullText = new Everything(null, 1, 1, false, Duration.ZERO, BanAction.DROP, List.of());

        assertThatThrownBy(() -> EVERYTHING.encode(commaInList)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("everything.interfaces: list element 'a,b' cannot be stored");
        assertThatThrownBy(() -> EVERYTHING.encode(subMillisecond)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("everything.delay: a duration must be whole milliseconds");
        assertThatThrownBy(() -> EVERYTHING.encode(nullText)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("everything.host: a value is required, not null");
    }

    @Test
    void decodingNamesAnUnknownSettingAndListsTheKnownOnes() {
        assertThatThrownBy(() -> RINGING.decode(RINGING.defaults(), Map.of("ringTimout", "3m")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("proxy.ringTimout: there is no such setting; settings of section proxy are "
                        + "[ringTimeout, followRedirects, threads]");
    }

    @Test
    void decodingKeepsUnnamedSettingsAndRunsTheRecordsValidation() {
        assertThat(RINGING.decode(RINGING.defaults(), Map.of("ringTimeout", "3m")))
                .isEqualTo(new Ringing(Duration.ofMinutes(3), true, 4));
        assertThatThrownBy(() -> RINGING.decode(RINGING.defaults(), Map.of("ringTimeout", "0s")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("proxy: ringTimeout must be a positive duration, not PT0S");
    }

    @Test
    void namesEachSettingForKeysFlagsAndEnvironment() {
        Setting ring = RINGING.setting("ringTimeout").orElseThrow();

        assertThat(ring.key()).isEqualTo("proxy.ringTimeout");
        assertThat(ring.flag()).isEqualTo("--proxy-ring-timeout");
        assertThat(ring.environmentVariable()).isEqualTo("SWITCHBOARD_PROXY_RING_TIMEOUT");
        assertThat(ring.applies()).isEqualTo(LIVE);
        assertThat(RINGING.setting("threads").orElseThrow().applies()).isEqualTo(Applies.When.RESTART);
        assertThat(RINGING.settings()).extracting(Setting::name)
                .containsExactly("ringTimeout", "followRedirects", "threads");
    }

    record Unmarked(@Applies(LIVE) int a, int b) {
    }

    record Unsupported(@Applies(LIVE) Set<InetAddress> trusted) {
    }

    record Numbers(@Applies(LIVE) List<Integer> numbers) {
    }

    record Fine(@Applies(LIVE) String host) {
    }

    @Test
    void refusesRecordsItCannotStore() {
        assertThatThrownBy(() -> Section.of("x", Unmarked.class, new Unmarked(1, 2)))
                .hasMessage("x.b has no @Applies(LIVE or RESTART) mark");
        assertThatThrownBy(() -> Section.of("x", Unsupported.class, new Unsupported(Set.of())))
                .hasMessageStartingWith("x.trusted has type java.util.Set<java.net.InetAddress>, which settings do "
                        + "not support");
        assertThatThrownBy(() -> Section.of("x", Numbers.class, new Numbers(List.of())))
                .hasMessageStartingWith("x.numbers has type java.util.List<java.lang.Integer>");
        assertThatThrownBy(() -> Section.of("x", Fine.class, new Fine(null)))
                .hasMessage("x.host: a value is required, not null");
        assertThatThrownBy(() -> Section.of("Proxy.x", Fine.class, new Fine("")))
                .hasMessage("section name 'Proxy.x' is not a lower camel case word");
    }
}
