package org.switchboard.core.cdr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecordStore;

/**
 * Keeps the most recent call records in memory, dropping the oldest beyond its capacity. For tests
 * and for a server without a database. Thread-safe.
 */
public final class InMemoryCallRecordStore implements CallRecordStore {
    private final int capacity;
    private final Deque<CallRecord> records = new ArrayDeque<>();

    public InMemoryCallRecordStore(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("Capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void save(CallRecord record) {
        if (records.size() == capacity) {
            records.removeFirst();
        }
        records.addLast(record);
    }

    /** The records held, oldest first. */
    public synchronized List<CallRecord> records() {
        return new ArrayList<>(records);
    }
}
