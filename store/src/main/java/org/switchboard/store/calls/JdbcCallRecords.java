package org.switchboard.store.calls;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.switchboard.core.spi.service.BlockingCalls;
import org.switchboard.core.spi.service.CallRecordQuery;
import org.switchboard.core.spi.service.CallRecordsService;
import org.switchboard.core.spi.store.CallRecord;

/**
 * The stored call records as the plugins' {@link CallRecordsService}: each query runs on the given
 * bounded executor against the {@link JdbcCallRecordStore}.
 *
 * <p>Threading: as {@link CallRecordsService}; never blocks the caller. Thread-safe.
 */
public final class JdbcCallRecords implements CallRecordsService {
    private final JdbcCallRecordStore store;
    private final Executor blocking;

    /** @param blocking a bounded executor for database work; a saturated one fails the stage */
    public JdbcCallRecords(JdbcCallRecordStore store, Executor blocking) {
        this.store = store;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<List<CallRecord>> page(CallRecordQuery query) {
        return BlockingCalls.supply(blocking, () -> store.find(query));
    }

    @Override
    public CompletionStage<Long> count(CallRecordQuery query) {
        return BlockingCalls.supply(blocking, () -> store.count(query));
    }
}
