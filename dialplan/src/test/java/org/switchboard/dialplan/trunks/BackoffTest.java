package org.switchboard.dialplan.trunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void retriesDoubleFromTheBaseUpToTheCeilingWithHalfOfItRandom() {
        assertThat(Backoff.retry(1, 0.999_999)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
        assertThat(Backoff.retry(1, 0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(Backoff.retry(3, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.retry(40, 0.999_999)).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    }

    @Test
    void refreshesAMinuteBeforeTheEndButAtHalfOfAShortRegistration() {
        assertThat(Backoff.refresh(Duration.ofSeconds(3600))).isEqualTo(Duration.ofSeconds(3540));
        assertThat(Backoff.refresh(Duration.ofSeconds(100))).isEqualTo(Duration.ofSeconds(50));
        assertThat(Backoff.refresh(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(5));
    }
}
