package org.switchboard.core.cdr;

/**
 * Where call records are kept. The JDBC implementation lives with the database.
 *
 * <p><b>Threading: {@link #save} blocks</b> (it may write to a database); it is called from the
 * blocking executor, never on an event loop. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CallRecordStore {

    /** Stores one finished call. */
    void save(CallRecord record);
}
