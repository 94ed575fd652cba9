package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.ua;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.settings.InMemorySettingsStore;
import org.switchboard.core.spi.settings.StoredSettings;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;

/**
 * A running proxy reads its timers from the live settings: a ring time changed while it runs
 * applies to the next call.
 */
class LiveProxySettingsEndToEndTest {
    /** Far below the default ring time of 120 s, far above what the call needs to ring. */
    private static final Duration SHORT_RING = Duration.ofMillis(600);
    /** Each wait of the phones: long enough for the short ring time, far too short for the default. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private StoredSettings settings;
    private ProxyFixture proxy;

    @BeforeEach
    void start() throws Exception {
        settings = StoredSettings.open(new InMemorySettingsStore(), List.of(ProxyTimes.SECTION), List.of());
        proxy = new ProxyFixture(services -> services.withLiveSettings(settings));
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void aRingTimeShortenedWhileRunningCancelsTheNextUnansweredCall() throws Exception {
        assertThat(settings.current(ProxyTimes.SECTION).ringTimeout()).isEqualTo(Duration.ofSeconds(120));
        try (Phone alice = ua("alice", proxy.udp(), WAIT); Phone bob = ua("bob", proxy.udp(), WAIT)) {
            proxy.register("bob", bob, 1.0);

            settings.update(ProxyTimes.SECTION, times -> times.withRingTimeout(SHORT_RING), "test");

            Call call = alice.call("sip:bob@" + DOMAIN);
            Incoming invite = bob.expect("INVITE").ring();
            call.expect(180);
            // nobody answers: after the new ring time the proxy cancels the branch (RFC 3261 §16.10)
            invite.expectCancel();
            call.expect(408);
        }
    }
}
