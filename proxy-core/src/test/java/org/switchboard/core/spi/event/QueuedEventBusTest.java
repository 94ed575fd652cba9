package org.switchboard.core.spi.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueuedEventBusTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static SwitchboardEvent.CallAnswered answered(int n) {
        return new SwitchboardEvent.CallAnswered(AT, "call-" + n);
    }

    @Test
    void listenersGetTheEventsOfTheirTypeInOrder() {
        QueuedEventBus bus = new QueuedEventBus();
        List<String> calls = new CopyOnWriteArrayList<>();
        List<SwitchboardEvent> all = new CopyOnWriteArrayList<>();
        bus.subscribe(SwitchboardEvent.CallAnswered.class, Runnable::run, e -> calls.add(e.callId()));
        bus.subscribe(SwitchboardEvent.class, Runnable::run, all::add);
        bus.publish(answered(1));
        bus.publish(new SwitchboardEvent.SettingsChanged(AT, "proxy"));
        bus.publish(answered(2));
        assertThat(calls).containsExactly("call-1", "call-2");
        assertThat(all).hasSize(3);
        assertThat(bus.hasListeners(SwitchboardEvent.BanAdded.class)).as("the catch-all listener").isTrue();
    }

    @Test
    void aSlowListenerNeverBlocksThePublisherAndLosesOnlyWhatOverflowsItsQueue() throws Exception {
        QueuedEventBus bus = new QueuedEventBus(4);
        ExecutorService slowThread = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        List<String> slow = new CopyOnWriteArrayList<>();
        List<String> quick = new CopyOnWriteArrayList<>();
        try {
            bus.subscribe(SwitchboardEvent.CallAnswered.class, slowThread, e -> {
                awaitQuietly(release);
                slow.add(e.callId());
            });
            bus.subscribe(SwitchboardEvent.CallAnswered.class, Runnable::run, e -> quick.add(e.callId()));

            // the slow listener is stuck on its first event; 100 more fit nowhere but in its queue of 4
            for (int i = 0; i < 100; i++) {
                bus.publish(answered(i));
            }
            assertThat(quick).as("the other listener is not held up").hasSize(100);
            assertThat(bus.dropped()).as("dropped for the slow listener only").isBetween(95L, 96L);

            release.countDown();
            slowThread.shutdown();
            assertThat(slowThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(slow).hasSize((int) (100 - bus.dropped())).startsWith("call-0");
        } finally {
            slowThread.shutdownNow();
        }
    }

    @Test
    void aPublisherCanTellNobodyListensToItsEvents() {
        QueuedEventBus bus = new QueuedEventBus();
        bus.subscribe(SwitchboardEvent.CallEvent.class, Runnable::run, e -> { });
        assertThat(bus.hasListeners(SwitchboardEvent.CallEnded.class)).isTrue();
        assertThat(bus.hasListeners(SwitchboardEvent.Registered.class)).as("call records do not listen to REGISTER")
                .isFalse();
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() {
        QueuedEventBus bus = new QueuedEventBus();
        List<SwitchboardEvent> got = new CopyOnWriteArrayList<>();
        EventBus.Subscription subscription = bus.subscribe(SwitchboardEvent.class, Runnable::run, got::add);
        bus.publish(answered(1));
        subscription.close();
        bus.publish(answered(2));
        assertThat(got).hasSize(1);
        assertThat(bus.hasListeners(SwitchboardEvent.class)).isFalse();
    }

    @Test
    void aListenerThatThrowsStaysSubscribed() {
        QueuedEventBus bus = new QueuedEventBus();
        List<SwitchboardEvent> got = new CopyOnWriteArrayList<>();
        bus.subscribe(SwitchboardEvent.class, Runnable::run, e -> {
            got.add(e);
            throw new IllegalStateException("listener bug");
        });
        bus.publish(answered(1));
        bus.publish(answered(2));
        assertThat(got).hasSize(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
