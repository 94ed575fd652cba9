package org.switchboard.store.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecordStore;

/**
 * The one writer of call records: {@link #save} puts a record on a bounded queue and returns; a
 * single thread takes what has queued up (at most {@value #MAX_BATCH} records) and stores it in one
 * transaction through {@link JdbcCallRecordStore#saveAll}. Calls that end together thus cost one
 * commit, and a slow database delays records instead of the threads that hand them in.
 *
 * <p>When the queue is full a record is dropped and counted, with a warning for the first and every
 * thousandth, so memory stays bounded when the database cannot keep up. {@link #close} writes what
 * is still queued.
 *
 * <p><b>Threading:</b> {@link #save} never blocks and may be called from any thread; {@link #close}
 * blocks until the queue is written.
 */
public final class CallRecordWriter implements CallRecordStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordWriter.class);
    static final int MAX_BATCH = 500;
    private static final long CLOSE_WAIT_SECONDS = 30;
    /** Under overload, one warning per this many dropped records. */
    private static final long DROP_LOG_EVERY = 1000;

    private final JdbcCallRecordStore store;
    private final BlockingQueue<CallRecord> queue;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean closed;

    /** @param queueCapacity how many records may wait for the database */
    public CallRecordWriter(JdbcCallRecordStore store, int queueCapacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "call-record-writer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Queues the record for writing; drops it (with a warning) if the queue is full or closed. */
    @Override
    public void save(CallRecord record) {
        if (closed || !queue.offer(record)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % DROP_LOG_EVERY == 0) {
                LOG.warn("Call record of call {} dropped: {} ({} dropped since start)", record.callId(),
                        closed ? "the server is stopping" : "the database is not keeping up", count);
            }
        }
    }

    /** Never blocks: it only queues. */
    @Override
    public boolean blocks() {
        return false;
    }

    /** Records dropped since start because the queue was full or the writer closed. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Transactions written since start, for metrics and tests. */
    public long commitCount() {
        return commits.get();
    }

    private void run() {
        List<CallRecord> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                CallRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store.saveAll(batch);
                commits.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Could not store {} call records: {}", batch.size(), e.getMessage(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops taking records and waits (up to 30 s) until those queued are written. Blocks. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.size();
        if (left > 0) {
            LOG.warn("{} call records not written at shutdown", left);
        }
    }
}
