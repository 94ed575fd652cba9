package org.switchboard.nat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatSettingsTest {

    @Test
    void defaultsAreAutoWithStunOn3478() {
        NatSettings defaults = NatSettings.SECTION.defaults();
        assertThat(defaults.mode()).isEqualTo(NatMode.AUTO);
        assertThat(defaults.stunPort()).isEqualTo(3478);
        assertThat(defaults.keepaliveInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(defaults.keepaliveGrace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.modeFor("example.com")).isEqualTo(NatMode.AUTO);
    }

    @Test
    void settingsDecodeFromTheirTexts() {
        NatSettings decoded = NatSettings.SECTION.decode(NatSettings.SECTION.defaults(),
                Map.of("mode", "never", "domainModes", "hotel.example=always", "stunPort", "0",
                        "keepaliveInterval", "5s"));
        assertThat(decoded.mode()).isEqualTo(NatMode.NEVER);
        assertThat(decoded.modeFor("HOTEL.example")).isEqualTo(NatMode.ALWAYS);
        assertThat(decoded.modeFor("office.example")).isEqualTo(NatMode.NEVER);
        assertThat(decoded.stunPort()).isZero();
        assertThat(decoded.keepaliveInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesADomainModeThatNamesNoMode() {
        assertThatThrownBy(() -> with(List.of("example.com=sometimes"), Duration.ofSeconds(25), 3478))
                .hasMessageContaining("example.com=sometimes");
        assertThatThrownBy(() -> with(List.of("example.com"), Duration.ofSeconds(25), 3478))
                .hasMessageContaining("domain=auto|always|never");
    }

    @Test
    void refusesAStunPortWithoutRoomForItsSecondPort() {
        assertThatThrownBy(() -> with(List.of(), Duration.ofSeconds(25), 65535)).hasMessageContaining("stunPort");
    }

    @Test
    void keepaliveIntervalZeroSwitchesPingsOffANegativeOneIsRefused() {
        assertThat(with(List.of(), Duration.ZERO, 3478).keepaliveInterval()).isZero();
        assertThatThrownBy(() -> with(List.of(), Duration.ofSeconds(-1), 3478))
                .hasMessageContaining("keepaliveInterval");
    }

    private static NatSettings with(List<String> domainModes, Duration keepaliveInterval, int stunPort) {
        return new NatSettings(NatMode.AUTO, domainModes, keepaliveInterval, Duration.ofSeconds(60), stunPort,
                Duration.ZERO);
    }
}
