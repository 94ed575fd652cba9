package org.switchboard.accounts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceCountTrackerTest {

    @Test
    void onlyIncreasingCountsAreAccepted() {
        NonceCountTracker tracker = new NonceCountTracker(10);

        assertThat(tracker.accept(1, 100, 1)).isTrue();
        assertThat(tracker.accept(1, 100, 1)).isFalse();
        assertThat(tracker.accept(1, 100, 3)).isTrue();
        assertThat(tracker.accept(1, 100, 2)).isFalse();
    }

    @Test
    void eachNonceCountsOnItsOwn() {
        NonceCountTracker tracker = new NonceCountTracker(10);

        assertThat(tracker.accept(1, 100, 5)).isTrue();
        assertThat(tracker.accept(2, 100, 1)).isTrue();
        assertThat(tracker.accept(1, 100, 6)).isTrue();
        assertThat(tracker.accept(2, 100, 1)).isFalse();
    }

    @Test
    void aNonceWhoseSlotALaterOneTookIsRefusedForGood() {
        NonceCountTracker tracker = new NonceCountTracker(2);
        assertThat(tracker.accept(10, 100, 1)).isTrue();
        assertThat(tracker.accept(12, 300, 1)).isTrue(); // same slot as serial 10

        assertThat(tracker.accept(10, 100, 2)).as("forgotten: a replay cannot be told apart").isFalse();
        assertThat(tracker.accept(8, 50, 1)).as("older than the slot's nonce").isFalse();
        assertThat(tracker.accept(11, 200, 1)).as("the other slot is free").isTrue();
        assertThat(tracker.accept(14, 400, 1)).isTrue();
    }

    @Test
    void theSameSerialIssuedAtAnotherTimeIsAnotherNonceAndRefused() {
        NonceCountTracker tracker = new NonceCountTracker(4);
        tracker.accept(7, 100, 1);

        assertThat(tracker.accept(7, 999, 1)).isFalse();
        assertThat(tracker.accept(7, 100, 2)).isTrue();
    }
}
