package org.switchboard.presence.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiryLimitsTest {
    private final ExpiryLimits limits = new ExpiryLimits(Duration.ofSeconds(60), Duration.ofSeconds(3600),
            Duration.ofSeconds(7200));

    @Test
    void grantsTheDefaultWithoutExpiresTheMaximumAtMostAndRefusesBelowTheMinimum() {
        assertThat(limits.grant(null)).isEqualTo(3600);
        assertThat(limits.grant(600L)).isEqualTo(600);
        assertThat(limits.grant(86_400L)).isEqualTo(7200);
        assertThat(limits.grant(59L)).isEqualTo(-1);
        assertThat(limits.grant(0L)).isZero();
    }

    @Test
    void refusesLimitsOutOfOrder() {
        assertThatThrownBy(() -> new ExpiryLimits(Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(3600))).isInstanceOf(IllegalArgumentException.class);
    }
}
