package org.switchboard.store.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.service.CallRecordQuery;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecord.Hangup;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

@ParameterizedClass
@EnumSource(Engine.class)
class JdbcCallRecordStoreTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Database db;
    private final JdbcCallRecordStore store;

    JdbcCallRecordStoreTest(Engine engine) {
        db = engine.open();
        store = new JdbcCallRecordStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordsComeBackAsSavedWithAndWithoutAnswer() {
        CallRecord answered = CallRecords.answered("call-1", T0);
        CallRecord busy = CallRecords.busy("call-2", T0.plusSeconds(60));
        CallRecord unknownEnd = new CallRecord("call-3", null, null, T0.plusSeconds(120), T0.plusSeconds(121), null,
                200, Hangup.NONE);

        store.save(answered);
        store.saveAll(List.of(busy, unknownEnd));

        assertThat(store.recent(10)).containsExactly(unknownEnd, busy, answered);
    }

    @Test
    void recentListsNewestFirstUpToTheLimit() {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(CallRecords.answered("call-" + i, T0.plusSeconds(i * 10L)));
        }
        // saved out of order: the listing goes by start time, not by insertion
        store.saveAll(records.subList(15, 30));
        store.saveAll(records.subList(0, 15));

        List<CallRecord> recent = store.recent(5);

        assertThat(recent).extracting(CallRecord::callId)
                .containsExactly("call-29", "call-28", "call-27", "call-26", "call-25");
    }

    @Test
    void findPagesTheCallsOfATimeRangeNewestFirst() {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(CallRecords.answered("call-" + i, T0.plusSeconds(i * 10L)));
        }
        store.saveAll(records);

        // [T0+50s, T0+150s): calls 5 to 14, newest first
        assertThat(store.find(new CallRecordQuery(T0.plusSeconds(50), T0.plusSeconds(150), null, 0, 4))).extracting(CallRecord::callId)
                .containsExactly("call-14", "call-13", "call-12", "call-11");
        assertThat(store.find(new CallRecordQuery(T0.plusSeconds(50), T0.plusSeconds(150), null, 8, 4))).extracting(CallRecord::callId)
                .containsExactly("call-6", "call-5");
        assertThat(store.find(new CallRecordQuery(T0.minusSeconds(100), T0, null, 0, 10))).isEmpty();
    }

    @Test
    void callsStartingInTheSameMillisecondListLastSavedFirst() {
        store.save(CallRecords.answered("first", T0));
        store.save(CallRecords.busy("second", T0));

        assertThat(store.recent(2)).extracting(CallRecord::callId).containsExactly("second", "first");
    }

    @Test
    void recentRefusesANonPositiveLimit() {
        assertThatThrownBy(() -> store.recent(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlongValuesAreCutToTheirColumnInsteadOfFailingTheBatch() {
        String longUri = "sip:" + "a".repeat(600) + "@example.com";
        CallRecord odd = new CallRecord("x".repeat(300), longUri, longUri, T0, null, T0, 404, Hangup.NONE);

        int stored = store.saveAll(List.of(odd, CallRecords.busy("normal", T0.plusSeconds(1))));

        assertThat(stored).isEqualTo(2);
        CallRecord back = store.recent(2).get(1);
        assertThat(back.callId()).hasSize(255);
        assertThat(back.caller()).hasSize(512).isEqualTo(longUri.substring(0, 512));
    }

    @Test
    void aBatchThatFailsIsStoredOneByOneLosingOnlyTheBadRecord() {
        db.withConnection(c -> c.createStatement().execute(
                "ALTER TABLE call_records ADD CONSTRAINT no_teapots CHECK (final_status <> 418)"));
        CallRecord teapot = new CallRecord("teapot", "sip:a@b", "sip:c@d", T0, null, T0, 418, Hangup.NONE);

        int stored = store.saveAll(List.of(CallRecords.busy("before", T0), teapot,
                CallRecords.answered("after", T0.plusSeconds(1))));

        assertThat(stored).isEqualTo(2);
        assertThat(store.recent(10)).extracting(CallRecord::callId).containsExactly("after", "before");
    }

    @Test
    void deleteStartedBeforeRemovesOnlyOlderCallsInChunks() {
        List<CallRecord> old = new ArrayList<>();
        for (int i = 0; i < JdbcCallRecordStore.DELETE_CHUNK + 5; i++) {
            old.add(CallRecords.busy("old-" + i, T0.minusSeconds(i + 1L)));
        }
        store.saveAll(old);
        store.save(CallRecords.answered("at-cutoff", T0));
        store.save(CallRecords.answered("newer", T0.plusSeconds(1)));

        long deleted = store.deleteStartedBefore(T0);

        assertThat(deleted).isEqualTo(JdbcCallRecordStore.DELETE_CHUNK + 5);
        assertThat(store.recent(100)).extracting(CallRecord::callId).containsExactly("newer", "at-cutoff");
        assertThat(store.deleteStartedBefore(T0)).isZero();
    }
}
