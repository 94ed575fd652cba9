package org.switchboard.dialplan.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.UserFeatures;

class CallFeaturesTest {
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("sip:201@example.com");

    private final InMemoryCallFeatureStore store = new InMemoryCallFeatureStore();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aChangeInTheStoreIsInForceAfterTheNextPoll() throws Exception {
        CallFeatures features = new CallFeatures(store, Runnable::run);
        features.startPolling(scheduler);
        assertThat(features.current().user("201", "example.com")).isNull();

        store.saveUserFeatures(new UserFeatures("example.com", "201", null, null, null, null, true, null));

        // bounded: five polls' worth, then the assertion below fails
        for (int i = 0; i < 100 && features.current().user("201", "example.com") == null; i++) {
            Thread.sleep(100);
        }
        assertThat(features.current().user("201", "example.com").doNotDisturb()).isTrue();
        features.stop();
    }

    @Test
    void aFeatureCodeIsSavedKeepingTheOtherFeaturesAndInForceAtOnce() throws Exception {
        store.saveUserFeatures(new UserFeatures("example.com", "201", null, "202", null, 12, false, null));
        CallFeatures features = new CallFeatures(store, Runnable::run);

        features.apply(ALICE, new FeatureChange(FeatureChange.Kind.FORWARD_ON, "0301234")).toCompletableFuture()
                .get();

        assertThat(store.userFeatures("example.com", "201")).contains(
                new UserFeatures("example.com", "201", "0301234", "202", null, 12, false, null));
        assertThat(features.current().user("201", "example.com").forwardAlways()).isEqualTo("0301234");
    }

    @Test
    void aSaturatedExecutorFailsTheChangeInsteadOfBlocking() {
        CallFeatures features = new CallFeatures(store, task -> {
            throw new RejectedExecutionException("full");
        });

        assertThat(features.apply(ALICE, new FeatureChange(FeatureChange.Kind.DND_ON, null)).toCompletableFuture())
                .failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class);
        assertThat(store.userFeatures()).isEmpty();
    }
}
