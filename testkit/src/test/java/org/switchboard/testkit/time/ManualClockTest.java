package org.switchboard.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsTimersInDueOrderAtTheirDueTime() {
        clock.schedule(() -> ran.add("b@" + clock.elapsedMillis()), 200, Runnable::run);
        clock.schedule(() -> ran.add("a@" + clock.elapsedMillis()), 100, Runnable::run);
        clock.schedule(() -> ran.add("c@" + clock.elapsedMillis()), 200, Runnable::run);
        clock.advance(150);
        assertThat(ran).containsExactly("a@100");
        clock.advance(Duration.ofMillis(100));
        assertThat(ran).containsExactly("a@100", "b@200", "c@200");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
    }

    @Test
    void aTimerScheduledByATimerRunsInTheSameAdvanceIfDue() {
        clock.schedule(() -> clock.schedule(() -> ran.add("inner@" + clock.elapsedMillis()), 50, Runnable::run), 100,
                Runnable::run);
        clock.advance(1000);
        assertThat(ran).containsExactly("inner@150");
    }

    @Test
    void aCancelledTimerNeverRunsAndIsNotPending() {
        ManualClock.Timer t = clock.schedule(() -> ran.add("x"), 10, Runnable::run);
        assertThat(clock.pendingTimers()).isEqualTo(1);
        t.cancel();
        t.cancel();
        assertThat(clock.pendingTimers()).isZero();
        clock.advance(20);
        assertThat(ran).isEmpty();
    }

    @Test
    void standsStillUntilAdvanced() {
        Instant before = clock.instant();
        assertThat(clock.instant()).isEqualTo(before);
        assertThat(new ManualClock().instant()).isEqualTo(ManualClock.DEFAULT_START);
    }
}
