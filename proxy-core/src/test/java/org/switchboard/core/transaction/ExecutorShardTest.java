package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorShardTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final Thread[] executorThread = new Thread[1];
    private final ExecutorShard shard = new ExecutorShard(executor, () -> Thread.currentThread() == executorThread[0]);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void runsTasksOnTheExecutorAndKnowsItsThread() throws Exception {
        executor.submit(() -> executorThread[0] = Thread.currentThread()).get(5, TimeUnit.SECONDS);
        CompletableFuture<Boolean> inShard = new CompletableFuture<>();

        shard.execute(() -> inShard.complete(shard.inShard()));

        assertThat(inShard.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(shard.inShard()).isFalse();
    }

    @Test
    void cancelledTimerDoesNotRun() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        // generous delays: the test thread may be descheduled on a busy machine before it cancels
        TimerHandle cancelled = shard.schedule(() -> ran.complete("cancelled"), 300);
        cancelled.cancel();
        shard.schedule(() -> ran.complete("kept"), 600);

        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("kept");
    }
}
