package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.settings.InMemorySettingsStore;
import org.switchboard.core.spi.settings.InvalidSettingException;
import org.switchboard.core.spi.settings.PinnedSettingException;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.spi.settings.StoredSettings;

class ProxyTimesTest {

    @Test
    void defaultsAreThoseOfTheProxyWithoutLiveSettings() {
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(), List.of(ProxyTimes.SECTION),
                List.of());

        assertThat(settings.current(ProxyTimes.SECTION)).isEqualTo(ProxyTimes.of(ProxySettings.DEFAULTS));
    }

    @Test
    void anEnvironmentVariablePinsTheRingTimeAndARuntimeChangeOfItIsRefused() {
        List<SettingOverride> overrides = SettingOverride.fromEnvironment(
                Map.of("SWITCHBOARD_PROXY_RING_TIMEOUT", "45s"), List.of(ProxyTimes.SECTION));
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(
                Map.of("proxy", Map.of("ringTimeout", "90s"))), List.of(ProxyTimes.SECTION), overrides);

        assertThat(settings.current(ProxyTimes.SECTION).ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> settings.update(ProxyTimes.SECTION, Map.of("ringTimeout", "10s"), "admin"))
                .isInstanceOf(PinnedSettingException.class)
                .hasMessageContaining("proxy.ringTimeout")
                .hasMessageContaining("SWITCHBOARD_PROXY_RING_TIMEOUT");
        assertThat(settings.current(ProxyTimes.SECTION).ringTimeout()).isEqualTo(Duration.ofSeconds(45));

        // the other settings of the section stay changeable
        settings.update(ProxyTimes.SECTION, Map.of("groupTimeout", "15s"), "admin");
        assertThat(settings.current(ProxyTimes.SECTION).groupTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void refusesATimerThatIsNotPositiveNamingIt() {
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(), List.of(ProxyTimes.SECTION),
                List.of());

        assertThatThrownBy(() -> settings.update(ProxyTimes.SECTION, Map.of("ringTimeout", "0s"), "admin"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ringTimeout must be positive");
        assertThat(settings.current(ProxyTimes.SECTION).ringTimeout()).isEqualTo(Duration.ofSeconds(120));
    }
}
