package org.switchboard.store.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.service.CallRecordQuery;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/** The call records service on each engine: pages newest first, filters by time and party, counts. */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcCallRecordsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Database db;
    private final JdbcCallRecordStore store;
    private final ExecutorService blocking = Executors.newSingleThreadExecutor();
    private final JdbcCallRecords records;

    JdbcCallRecordsTest(Engine engine) {
        db = engine.open();
        store = new JdbcCallRecordStore(db);
        records = new JdbcCallRecords(store, blocking);
    }

    @AfterEach
    void close() {
        blocking.shutdownNow();
        db.close();
    }

    private List<CallRecord> page(CallRecordQuery query) {
        return records.page(query).toCompletableFuture().join();
    }

    private long count(CallRecordQuery query) {
        return records.count(query).toCompletableFuture().join();
    }

    /** Calls 0 to 9, one a minute from T0; the odd ones from carol, busy. */
    private void saveTenCalls() {
        List<CallRecord> saved = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant start = T0.plusSeconds(60L * i);
            saved.add(i % 2 == 0 ? CallRecords.answered("call-" + i, start) : CallRecords.busy("call-" + i, start));
        }
        store.saveAll(saved);
    }

    @Test
    void pagesGoNewestFirstAndFollowOnWithoutGapsOrRepeats() {
        saveTenCalls();

        CallRecordQuery first = CallRecordQuery.newest(4);
        assertThat(page(first)).extracting(CallRecord::callId).containsExactly("call-9", "call-8", "call-7", "call-6");
        assertThat(page(first.nextPage())).extracting(CallRecord::callId)
                .containsExactly("call-5", "call-4", "call-3", "call-2");
        assertThat(page(first.nextPage().nextPage())).extracting(CallRecord::callId).containsExactly("call-1", "call-0");
        assertThat(count(first)).isEqualTo(10);
    }

    @Test
    void filtersByStartTimeAndByCallerOrCalleeIgnoringCase() {
        saveTenCalls();

        CallRecordQuery between = new CallRecordQuery(T0.plusSeconds(120), T0.plusSeconds(300), null, 0, 100);
        assertThat(page(between)).extracting(CallRecord::callId).containsExactly("call-4", "call-3", "call-2");
        assertThat(count(between)).isEqualTo(3);

        CallRecordQuery carol = new CallRecordQuery(null, null, "CAROL@Outside", 0, 100);
        assertThat(page(carol)).extracting(CallRecord::callId)
                .containsExactly("call-9", "call-7", "call-5", "call-3", "call-1");
        assertThat(count(carol)).isEqualTo(5);

        CallRecordQuery bobLate = new CallRecordQuery(T0.plusSeconds(480), null, "bob@example.com", 0, 100);
        assertThat(page(bobLate)).extracting(CallRecord::callId).containsExactly("call-9", "call-8");
    }

    @Test
    void wildcardsInThePartyAreMatchedLiterally() {
        saveTenCalls();

        assertThat(count(new CallRecordQuery(null, null, "%", 0, 10))).isZero();
        assertThat(count(new CallRecordQuery(null, null, "alic_", 0, 10))).isZero();
        assertThat(count(new CallRecordQuery(null, null, "alice", 0, 10))).isEqualTo(5);
    }
}
