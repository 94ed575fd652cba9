package org.switchboard.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.core.proxy.ProxyTimes;
import org.switchboard.core.spi.settings.InMemorySettingsStore;
import org.switchboard.core.spi.settings.SettingsChange;
import org.switchboard.core.spi.settings.StoredSettings;

class SettingsRefreshTest {

    @Test
    void aChangeAnotherServerStoresReachesThisOneAndItsListeners() throws InterruptedException {
        InMemorySettingsStore shared = new InMemorySettingsStore();
        StoredSettings settings = StoredSettings.open(shared, SettingsSections.ALL, List.of());
        BlockingQueue<SettingsChange<?>> changes = new LinkedBlockingQueue<>();
        settings.addListener(changes::add, Runnable::run);

        try (SettingsRefresh refresh = SettingsRefresh.start(settings)) {
            shared.save("proxy", Map.of("ringTimeout", "45s")); // the other node

            SettingsChange<?> change = changes.poll(SettingsRefresh.EVERY.multipliedBy(3).toMillis(),
                    TimeUnit.MILLISECONDS);
            assertThat(change).as("a change within three refresh periods").isNotNull();
            assertThat(change.who()).contains("another process");
        }
        assertThat(settings.current(ProxyTimes.SECTION).ringTimeout()).isEqualTo(Duration.ofSeconds(45));
    }
}
