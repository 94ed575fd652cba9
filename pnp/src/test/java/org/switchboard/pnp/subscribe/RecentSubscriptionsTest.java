package org.switchboard.pnp.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.pnp.MacAddress;
import org.switchboard.testkit.time.ManualClock;

class RecentSubscriptionsTest {
    private static final MacAddress PHONE_A = MacAddress.parse("000413000001").orElseThrow();
    private static final MacAddress PHONE_B = MacAddress.parse("000413000002").orElseThrow();
    private static final MacAddress PHONE_C = MacAddress.parse("000413000003").orElseThrow();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final RecentSubscriptions recent = new RecentSubscriptions(clock, Duration.ofSeconds(10), 2);

    @Test
    void repeatWithinWindowIsSuppressed() {
        assertThat(recent.claim(PHONE_A)).isTrue();
        clock.advance(Duration.ofSeconds(9));

        assertThat(recent.claim(PHONE_A)).isFalse();
    }

    @Test
    void sameMacIsAnsweredAgainOnceTheWindowHasPassed() {
        recent.claim(PHONE_A);
        clock.advance(Duration.ofSeconds(10));

        assertThat(recent.claim(PHONE_A)).isTrue();
    }

    @Test
    void otherPhonesAreNotSuppressed() {
        recent.claim(PHONE_A);

        assertThat(recent.claim(PHONE_B)).isTrue();
    }

    @Test
    void forgetsTheOldestPastCapacity() {
        recent.claim(PHONE_A);
        recent.claim(PHONE_B);
        recent.claim(PHONE_C);

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.claim(PHONE_A)).isTrue();
        assertThat(recent.claim(PHONE_C)).isFalse();
    }

    @Test
    void expiredEntriesDoNotCount() {
        recent.claim(PHONE_A);
        clock.advance(Duration.ofSeconds(11));

        assertThat(recent.size()).isZero();
    }
}
