package org.switchboard.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportStatsTest {

    @Test
    void countsRequestsByMethodAndEveryUnknownMethodAsOther() {
        TransportStats stats = new TransportStats();
        stats.recordRequestIn("INVITE");
        stats.recordRequestIn(new String("INVITE"));
        stats.recordRequestIn("FOO");
        stats.recordRequestIn("invite");
        stats.recordRequestOut("BYE");

        assertThat(stats.requestsIn("INVITE")).isEqualTo(2);
        assertThat(stats.requestsIn(TransportStats.OTHER_METHOD)).as("methods are case-sensitive").isEqualTo(2);
        assertThat(stats.requestsIn("BYE")).isZero();
        assertThat(stats.requestsOut("BYE")).isEqualTo(1);
    }

    @Test
    void countsResponsesByClass() {
        TransportStats stats = new TransportStats();
        stats.recordResponseIn(100);
        stats.recordResponseIn(180);
        stats.recordResponseIn(699);
        stats.recordResponseOut(407);

        assertThat(stats.responsesIn(1)).isEqualTo(2);
        assertThat(stats.responsesIn(6)).isEqualTo(1);
        assertThat(stats.responsesIn(2)).isZero();
        assertThat(stats.responsesOut(4)).isEqualTo(1);
    }

    @Test
    void refusesToReadCountersItDoesNotKeep() {
        TransportStats stats = new TransportStats();
        assertThatThrownBy(() -> stats.requestsIn("FOO")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stats.responsesOut(7)).isInstanceOf(IllegalArgumentException.class);
    }
}
