package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.testkit.time.ManualClock;

class ShardTimersTest {
    private final ManualClock clock = new ManualClock();
    private final ManualShard shard = new ManualShard(clock);
    private final ShardTimers timers = new ShardTimers(shard, Runnable::run);
    private final List<String> fired = new ArrayList<>();

    /** Starts a timer on the shard, as the transactions do. */
    private TimerHandle start(long delay, String name) {
        TimerHandle[] handle = new TimerHandle[1];
        shard.execute(() -> handle[0] = timers.start(delay, () -> fired.add(name + "@" + clock.elapsedMillis())));
        return handle[0];
    }

    @Test
    void timersOfOneDelayFireInOrderEachAtItsOwnDeadline() {
        start(1_000, "a");
        clock.advance(10);
        start(1_000, "b");
        start(1_000, "c");

        clock.advance(999);
        assertThat(fired).containsExactly("a@1000");
        clock.advance(1);
        assertThat(fired).containsExactly("a@1000", "b@1010", "c@1010");
        assertThat(clock.pendingTimers()).isZero();
    }

    @Test
    void timersOfDifferentDelaysInterleaveByDeadline() {
        start(5_000, "long");
        start(500, "short");
        clock.advance(1_000);
        start(500, "again");

        clock.advance(10_000);

        assertThat(fired).containsExactly("short@500", "again@1500", "long@5000");
    }

    @Test
    void cancelledTimerDoesNotFireAndTheWakeUpGoesWithTheLastLiveTimer() {
        TimerHandle a = start(1_000, "a");
        TimerHandle b = start(1_000, "b");

        shard.execute(a::cancel);
        assertThat(clock.pendingTimers()).isEqualTo(1);
        shard.execute(b::cancel);
        assertThat(clock.pendingTimers()).isZero();
        shard.execute(b::cancel);

        clock.advance(2_000);
        assertThat(fired).isEmpty();
    }

    @Test
    void cancelledHeadIsSkippedAndTheNextFiresOnTime() {
        TimerHandle a = start(1_000, "a");
        clock.advance(300);
        start(1_000, "b");
        shard.execute(a::cancel);

        clock.advance(1_000);

        assertThat(fired).containsExactly("b@1300");
    }

    @Test
    void timerStartedByADueTaskOfTheSameDelayFiresAfterTheOthersDue() {
        shard.execute(() -> timers.start(1_000, () -> {
            fired.add("first@" + clock.elapsedMillis());
            timers.start(1_000, () -> fired.add("restarted@" + clock.elapsedMillis()));
        }));
        clock.advance(500);
        start(1_000, "second");

        clock.advance(5_000);

        assertThat(fired).containsExactly("first@1000", "second@1500", "restarted@2000");
        assertThat(clock.pendingTimers()).isZero();
    }
}
