package org.switchboard.core.spi.store;

/**
 * Where call records are kept. The JDBC implementation lives with the database.
 *
 * <p><b>Threading: {@link #save} may block</b> (write to a database) unless {@link #blocks()} says
 * it does not: a blocking store is called from the blocking executor, never on an event loop; one
 * that only queues the record is called on the call's shard. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CallRecordStore {

    /** Stores one finished call. */
    void save(CallRecord record);

    /** Whether {@link #save} may block; false lets callers save on an event loop. */
    default boolean blocks() {
        return true;
    }
}
