package org.switchboard.core.spi.service;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.switchboard.core.spi.store.CallRecord;

/**
 * The call records kept in the store, read page by page for the web admin. Implemented over the
 * store's call records; wired in by the server.
 *
 * <p><b>Threading:</b> every method reads the database on a bounded blocking executor and returns at
 * once; the stage completes on that executor (or fails with {@link
 * java.util.concurrent.RejectedExecutionException} when it is saturated). Safe to call on an event
 * loop as long as the caller does not wait for the stage there. Thread-safe.
 */
public interface CallRecordsService {

    /** The records {@code query} selects, newest first. */
    CompletionStage<List<CallRecord>> page(CallRecordQuery query);

    /** How many records match {@code query}'s filter, ignoring its offset and limit. */
    CompletionStage<Long> count(CallRecordQuery query);
}
