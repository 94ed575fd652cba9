package org.switchboard.core.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.service.ActiveCall;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecordStore;

class CallRecorderTest {
    private final InMemoryCallRecordStore store = new InMemoryCallRecordStore(10);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void anAnsweredCallIsWrittenAtItsBye() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10);
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
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10);
        recorder.started("c2", "t2", "sip:alice@a", "sip:bob@b");
        recorder.failed("c2", 486);
        recorder.hungUp("c2", "t2");
        assertThat(store.records()).hasSize(1);
        assertThat(store.records().get(0).finalStatus()).isEqualTo(486);
        assertThat(store.records().get(0).answered()).isFalse();
    }

    @Test
    void followsAtMostItsLimitAndWritesWhatItDrops() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 2);
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
        }, clock, 10);
        recorder.started("c3", "t3", "sip:alice@a", "sip:bob@b");
        recorder.failed("c3", 404);
        assertThat(saved).extracting(CallRecord::callId).containsExactly("c3");
    }

    @Test
    void listsTheCallsItFollowsRingingThenAnsweredUntilTheyEnd() {
        CallRecorder recorder = new CallRecorder(store, Runnable::run, clock, 10);
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
