package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.core.transport.Transport;

class TimerSettingsTest {

    @Test
    void derivesTimersForUnreliableTransports() {
        TimerSettings t = TimerSettings.DEFAULTS;

        assertThat(t.transactionTimeoutMillis()).isEqualTo(32_000);
        assertThat(t.timerDMillis(Transport.UDP)).isEqualTo(32_000);
        assertThat(t.timerIMillis(Transport.UDP)).isEqualTo(5_000);
        assertThat(t.timerJMillis(Transport.UDP)).isEqualTo(32_000);
        assertThat(t.timerKMillis(Transport.UDP)).isEqualTo(5_000);
    }

    @Test
    void absorbingTimersAreZeroOnReliableTransports() {
        TimerSettings t = TimerSettings.DEFAULTS;

        assertThat(t.timerDMillis(Transport.TCP)).isZero();
        assertThat(t.timerIMillis(Transport.TLS)).isZero();
        assertThat(t.timerJMillis(Transport.WS)).isZero();
        assertThat(t.timerKMillis(Transport.WSS)).isZero();
    }

    @Test
    void scalesWithT1AndCapsRetransmitIntervalsAtT2() {
        TimerSettings t = new TimerSettings(100, 400, 1_000);

        assertThat(t.transactionTimeoutMillis()).isEqualTo(6_400);
        assertThat(t.nextCappedInterval(100)).isEqualTo(200);
        assertThat(t.nextCappedInterval(300)).isEqualTo(400);
    }

    @Test
    void rejectsT2BelowT1() {
        assertThatThrownBy(() -> new TimerSettings(500, 400, 5_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
