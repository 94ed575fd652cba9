package org.switchboard.core.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.service.ActiveCall;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecordStore;
import org.switchboard.testkit.time.ManualClock;

class CallRecorderTest {
    private final InMemoryCallRecordStore store = new InMemoryCallRecordStore(10);
    private static final Duration HOURS = Duration.ofHours(12);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));

    @Test
    void anAnsweredCallIsWrittenAtItsBye() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10, HOURS);
        recorder.started("c1", "t1", "sip:alice@a", "sip:bob@b");
        recorder.answered("c1");
        assertThat(store.records()).isEmpty();
        recorder.hungUp("c1", "callee-tag");
        CallRecord r = store.records().get(0);
        assertThat(r.finalStatus()).isEqualTo(200);
        assertThat(r.hangup()).isEqualTo(CallRecord.Hangup.CALLEE);
        assertThat(r.answer()).isEqualTo(clock.instant());
        assertThat(recorder.activeCalls()).isZero();
    }

    @Test
    void aFailedCallIsWrittenAtOnceAndALaterByeChangesNothing() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10, HOURS);
        recorder.started("c2", "t2", "sip:alice@a", "sip:bob@b");
        recorder.failed("c2", 486);
        recorder.hungUp("c2", "t2");
        assertThat(store.records()).hasSize(1);
        assertThat(store.records().get(0).finalStatus()).isEqualTo(486);
        assertThat(store.records().get(0).answered()).isFalse();
    }

    @Test
    void followsAtMostItsLimitAndWritesWhatItDrops() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 2, HOURS);
        recorder.started("a", "t", "x", "y");
        recorder.started("b", "t", "x", "y");
        recorder.started("c", "t", "x", "y");
        assertThat(recorder.activeCalls()).isEqualTo(2);
        assertThat(store.records()).extracting(CallRecord::callId).containsExactly("a");
    }

    @Test
    void aStoreThatDoesNotBlockIsCalledWithoutTheExecutor() {
        List<CallRecord> saved = new ArrayList<>();
        CallRecordStore queueing = new CallRecordStore() {
            @Override
            public void save(CallRecord record) {
                saved.add(record);
            }

            @Override
            public boolean blocks() {
                return false;
            }
        };
        CallRecorder recorder = new CallRecorder(queueing, task -> {
            throw new AssertionError("a non-blocking store needs no executor");
        }, clock, 10, HOURS);
        recorder.started("c3", "t3", "sip:alice@a", "sip:bob@b");
        recorder.failed("c3", 404);
        assertThat(saved).extracting(CallRecord::callId).containsExactly("c3");
    }

    @Test
    void anAnsweredCallNoAckFollowsIsWrittenWithoutItsEndAfter64TimesT1() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10, HOURS);
        recorder.started("c4", "t4", "sip:alice@a", "sip:bob@b");
        recorder.answered("c4");
        clock.advance(CallRecorder.NO_ACK_WINDOW.toMillis() - 1);
        assertThat(recorder.sweep()).isZero();
        clock.advance(1);

        assertThat(recorder.sweep()).isEqualTo(1);
        assertThat(recorder.activeCalls()).isZero();
        CallRecord r = store.records().get(0);
        assertThat(r.answered()).isTrue();
        assertThat(r.end()).as("the end was never seen").isNull();
        assertThat(r.hangup()).isEqualTo(CallRecord.Hangup.NONE);
    }

    @Test
    void anAcknowledgedCallLastsUntilItsByeOrTheLongestCallDuration() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10, Duration.ofHours(1));
        recorder.started("c5", "t5", "sip:alice@a", "sip:bob@b");
        recorder.started("c6", "t6", "sip:alice@a", "sip:carol@b");
        recorder.answered("c5");
        recorder.answered("c6");
        recorder.acknowledged("c5");
        recorder.acknowledged("c6");
        clock.advance(Duration.ofMinutes(59).toMillis());
        assertThat(recorder.sweep()).isZero();
        recorder.hungUp("c5", "t5");

        clock.advance(Duration.ofMinutes(1).toMillis());
        assertThat(recorder.sweep()).isEqualTo(1);

        assertThat(store.records()).extracting(CallRecord::callId).containsExactly("c5", "c6");
        assertThat(store.records().get(0).hangup()).isEqualTo(CallRecord.Hangup.CALLER);
        assertThat(store.records().get(1).end()).isNull();
        assertThat(recorder.activeCalls()).isZero();
    }

    @Test
    void aCallThatRingsLongerThanTheLongestCallDurationIsWrittenUnanswered() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10, Duration.ofMinutes(5));
        recorder.started("c7", "t7", "sip:alice@a", "sip:bob@b");
        clock.advance(Duration.ofMinutes(5).toMillis());

        assertThat(recorder.sweep()).isEqualTo(1);
        assertThat(store.records().get(0).answered()).isFalse();
        assertThat(store.records().get(0).finalStatus()).isZero();
    }

    @Test
    void listsTheCallsItFollowsRingingThenAnsweredUntilTheyEnd() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10, HOURS);
        recorder.started("c1", "t1", "sip:alice@a", "sip:bob@b");
        recorder.started("c2", "t2", "sip:carol@a", "sip:dave@b");
        recorder.answered("c2");

        assertThat(recorder.list()).containsExactly(
                new ActiveCall("c1", "sip:alice@a", "sip:bob@b", ActiveCall.State.RINGING, clock.instant(), null),
                new ActiveCall("c2", "sip:carol@a", "sip:dave@b", ActiveCall.State.ANSWERED, clock.instant(),
                        clock.instant()));
        assertThat(recorder.find("c1")).map(ActiveCall::state).contains(ActiveCall.State.RINGING);

        recorder.failed("c1", 486);
        recorder.hungUp("c2", "t2");
        assertThat(recorder.list()).isEmpty();
        assertThat(recorder.find("c2")).isEmpty();
    }
}
