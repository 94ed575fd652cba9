package org.switchboard.store.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

@ParameterizedClass
@EnumSource(Engine.class)
class CallRecordWriterTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Database db;
    private final JdbcCallRecordStore store;

    CallRecordWriterTest(Engine engine) {
        db = engine.open();
        store = new JdbcCallRecordStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordsQueuedTogetherAreWrittenInOneTransactionEachUpToTheBatchSize() {
        CallRecordWriter writer = new CallRecordWriter(store, 1000);
        // queued before the writer starts, so they are all waiting when it takes its first batch
        int count = CallRecordWriter.MAX_BATCH + 20;
        for (int i = 0; i < count; i++) {
            writer.save(CallRecords.busy("call-" + i, T0.plusSeconds(i)));
        }

        writer.start();
        writer.close();

        assertThat(store.recent(1000)).hasSize(count);
        assertThat(writer.commitCount()).isEqualTo(2);
        assertThat(writer.droppedCount()).isZero();
    }

    @Test
    void aRecordSavedWhileRunningIsWrittenWithoutWaitingForClose() throws Exception {
        CallRecordWriter writer = new CallRecordWriter(store, 10);
        writer.start();
        try {
            writer.save(CallRecords.answered("live", T0));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.recent(1).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(store.recent(1)).extracting(CallRecord::callId).containsExactly("live");
        } finally {
            writer.close();
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfGrowing() {
        CallRecordWriter writer = new CallRecordWriter(store, 3);
        // not started: nothing drains the queue
        for (int i = 0; i < 5; i++) {
            writer.save(CallRecords.busy("call-" + i, T0.plusSeconds(i)));
        }

        assertThat(writer.droppedCount()).isEqualTo(2);
    }

    @Test
    void closeWritesWhatIsQueuedAndRefusesMore() {
        CallRecordWriter writer = new CallRecordWriter(store, 100);
        for (int i = 0; i < 10; i++) {
            writer.save(CallRecords.busy("call-" + i, T0.plusSeconds(i)));
        }
        writer.start();
        writer.close();

        writer.save(CallRecords.busy("late", T0.plusSeconds(100)));

        assertThat(store.recent(100)).extracting(CallRecord::callId).hasSize(10).doesNotContain("late");
        assertThat(writer.droppedCount()).isEqualTo(1);
    }
}
