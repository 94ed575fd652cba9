package org.switchboard.registrar.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceCountTrackerTest {

    @Test
    void onlyIncreasingCountsAreAccepted() {
        NonceCountTracker tracker = new NonceCountTracker(10);

        assertThat(tracker.accept("n1", 100, 1)).isTrue();
        assertThat(tracker.accept("n1", 100, 1)).isFalse();
        assertThat(tracker.accept("n1", 100, 3)).isTrue();
        assertThat(tracker.accept("n1", 100, 2)).isFalse();
    }

    @Test
    void forgottenNoncesAndOlderOnesAreRefused() {
        NonceCountTracker tracker = new NonceCountTracker(2);
        tracker.accept("n1", 100, 1);
        tracker.accept("n2", 200, 1);
        tracker.accept("n3", 300, 1);

        assertThat(tracker.accept("n1", 100, 2)).isFalse();
        assertThat(tracker.accept("n0", 50, 1)).isFalse();
        assertThat(tracker.accept("n4", 400, 1)).isTrue();
    }
}
