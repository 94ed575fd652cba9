package org.switchboard.core.spi.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockingExecutorTest {

    @Test
    void runsWorkOnNamedThreadsAndCompletesTheFuture() throws Exception {
        try (BlockingExecutor executor = new BlockingExecutor("db", 1, 4)) {
            String thread = executor.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
            assertThat(thread).isEqualTo("db-1");
        }
    }

    @Test
    void failureOfTheWorkFailsTheFuture() {
        try (BlockingExecutor executor = new BlockingExecutor("db", 1, 4)) {
            CompletableFuture<Object> f = executor.submit(() -> {
                throw new IllegalStateException("boom");
            });
            assertThat(f).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void fullQueueGivesAFailedFutureInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (BlockingExecutor executor = new BlockingExecutor("db", 1, 1)) {
            CompletableFuture<Boolean> running = executor.submit(() -> release.await(5, TimeUnit.SECONDS));
            CompletableFuture<Boolean> queued = executor.submit(() -> true);
            CompletableFuture<Boolean> rejected = executor.submit(() -> true);

            assertThat(rejected).isCompletedExceptionally();
            assertThat(rejected).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(RejectedExecutionException.class);
            assertThat(executor.rejectedCount()).isEqualTo(1);
            release.countDown();
            assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(queued.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
