package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakCapacityTest {
    private final PeakCapacity peak = new PeakCapacity();

    @Test
    void aTableThatFellToAnEighthOfItsPeakShrinksOnceAndThePeakStartsAgain() {
        grow(10_000);

        assertThat(peak.shouldShrink(5_000)).isFalse();
        assertThat(peak.shouldShrink(1_251)).isFalse();
        assertThat(peak.shouldShrink(1_250)).isTrue();
        assertThat(peak.shouldShrink(1_000)).as("the peak is now 1,250").isFalse();
        assertThat(peak.shouldShrink(156)).isTrue();
    }

    @Test
    void aTableSwingingBetweenHalfAndAllOfItsPeakIsNeverRebuilt() {
        for (int round = 0; round < 100; round++) {
            grow(10_000);
            assertThat(peak.shouldShrink(5_000)).isFalse();
        }
    }

    @Test
    void smallTablesAreLeftAlone() {
        grow(PeakCapacity.SMALL - 1);

        assertThat(peak.shouldShrink(0)).isFalse();
    }

    @Test
    void anEmptiedTableAfterAPeakShrinks() {
        grow(PeakCapacity.SMALL);

        assertThat(peak.shouldShrink(0)).isTrue();
        assertThat(peak.shouldShrink(0)).isFalse();
    }

    private void grow(int size) {
        for (int i = 1; i <= size; i++) {
            peak.added(i);
        }
    }
}
