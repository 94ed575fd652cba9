package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.core.proxy.ProxyTimes;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent.SettingsChanged;
import org.switchboard.core.spi.settings.InMemorySettingsStore;
import org.switchboard.core.spi.settings.StoredSettings;

class SettingsEventsTest {
    private static final Instant AT = Instant.parse("2026-12-07T18:00:00Z");

    @Test
    void aChangeOfTheProxySettingsIsPublishedOnTheEventBus() throws Exception {
        QueuedEventBus bus = new QueuedEventBus();
        BlockingQueue<SettingsChanged> seen = new LinkedBlockingQueue<>();
        bus.subscribe(SettingsChanged.class, Runnable::run, seen::add);
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(), List.of(ProxyTimes.SECTION),
                List.of());
        settings.addListener(new SettingsEvents(bus, Clock.fixed(AT, ZoneOffset.UTC)), Runnable::run);

        settings.update(ProxyTimes.SECTION, t -> t.withRingTimeout(Duration.ofSeconds(30)), "admin");

        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new SettingsChanged(AT, "proxy"));
    }
}
