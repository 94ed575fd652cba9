package org.switchboard.registrar.binding;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.core.spi.store.StoreException;

/**
 * A {@link BindingStore} made durable by a {@link BindingJournal}, with the database written behind.
 *
 * <p>Why: an embedded H2 database has no write-ahead log, so a durable commit writes every B-tree
 * page the commit touched and forces the file; at thousands of registrations per second that was
 * the registrar's largest cost. Here {@link #apply} appends the changes to the journal and forces
 * it (one small sequential write and one {@code fdatasync} per batch), and keeps the latest state
 * of each changed binding in memory. Every flush interval, or sooner when the current journal
 * segment grows large, those states go to the database, commits of a few hundred spread over
 * seconds and made durable once at the end, after which the journal segments they came from are
 * deleted. A binding refreshed many times between flushes is
 * written to the database once.
 *
 * <p>{@link #open} first replays any segments a crash left behind into the database, so the
 * database alone is current again before the bindings are loaded.
 *
 * <p><b>Threading:</b> thread-safe; every method blocks (file and database I/O). One thread of its
 * own ({@code binding-flush}) writes the database.
 */
public final class JournaledBindingStore implements BindingStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournaledBindingStore.class);
    private static final int FLUSH_CHUNK = 200;
    private static final long CHUNK_PAUSE_MILLIS = 200;

    private final BindingStore database;
    private final long maxSegmentBytes;
    private final Object lock = new Object();
    private final BindingJournal journal;
    private final ScheduledExecutorService flusher;
    private final AtomicBoolean earlyFlushQueued = new AtomicBoolean();
    private Map<String, JournalRecordCodec.Change> pending = new LinkedHashMap<>();
    private boolean closed;

    private JournaledBindingStore(BindingStore database, BindingJournal journal, Duration flushInterval,
            long maxSegmentBytes) {
        this.database = database;
        this.journal = journal;
        this.maxSegmentBytes = maxSegmentBytes;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "binding-flush");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.flusher = executor;
        long every = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(() -> flush(true), every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Recovers what an earlier run left in the journal in {@code dir} into {@code database}, then
     * opens the journal for writing. Blocks.
     *
     * @param flushInterval how often the changed bindings are written to the database
     * @param maxSegmentBytes a journal segment this large is flushed before the interval is up,
     *     bounding the journal on disk and the time a restart spends replaying it
     * @throws StoreException if the journal cannot be read or created, or the database written
     */
    public static JournaledBindingStore open(BindingStore database, Path dir, Duration flushInterval,
            long maxSegmentBytes) {
        try {
            recover(database, dir);
            return new JournaledBindingStore(database, BindingJournal.open(dir), flushInterval, maxSegmentBytes);
        } catch (IOException e) {
            throw new StoreException("Cannot use the registration journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void recover(BindingStore database, Path dir) throws IOException {
        List<Path> left = BindingJournal.segments(dir);
        if (left.isEmpty()) {
            return;
        }
        Map<String, JournalRecordCodec.Change> latest = new LinkedHashMap<>();
        for (Path segment : left) {
            BindingJournal.read(segment, change -> latest.put(key(change.binding()), change));
        }
        if (!latest.isEmpty()) {
            database.apply(List.of(changesOf(latest.values())));
        }
        BindingJournal.delete(left);
        LOG.info("Recovered {} registration changes from the journal of the last run", latest.size());
    }

    @Override
    public List<Binding> loadAll() {
        return database.loadAll();
    }

    @Override
    public void apply(List<BindingChanges> changes) {
        List<byte[]> records = new ArrayList<>();
        List<JournalRecordCodec.Change> decoded = new ArrayList<>();
        for (BindingChanges change : changes) {
            // removals first, as the database store applies them
            for (Binding b : change.removals()) {
                records.add(JournalRecordCodec.encode(b, true));
                decoded.add(new JournalRecordCodec.Change(b, true));
            }
            for (Binding b : change.upserts()) {
                records.add(JournalRecordCodec.encode(b, false));
                decoded.add(new JournalRecordCodec.Change(b, false));
            }
        }
        if (records.isEmpty()) {
            return;
        }
        boolean segmentFull;
        synchronized (lock) {
            if (closed) {
                throw new StoreException("The registration journal is closed", null);
            }
            try {
                journal.append(records);
            } catch (IOException e) {
                throw new StoreException("Cannot write the registration journal: " + e.getMessage(), e);
            }
            for (JournalRecordCodec.Change c : decoded) {
                pending.put(key(c.binding()), c);
            }
            segmentFull = journal.currentSize() >= maxSegmentBytes;
        }
        if (segmentFull && earlyFlushQueued.compareAndSet(false, true)) {
            flusher.execute(() -> {
                earlyFlushQueued.set(false);
                flush(true);
            });
        }
    }

    /**
     * Writes the pending changes to the database and deletes the journal segments they came from.
     *
     * @param paced whether to spread the writes out (see {@link #writeInChunks})
     */
    private void flush(boolean paced) {
        Map<String, JournalRecordCodec.Change> batch;
        List<Path> covered;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new LinkedHashMap<>();
            try {
                covered = journal.rotate();
            } catch (IOException e) {
                pending = batch;
                LOG.error("Cannot start a new registration journal segment: {}", e.toString());
                return;
            }
        }
        try {
            writeInChunks(batch, paced);
        } catch (RuntimeException e) {
            LOG.warn("Could not write {} registration changes to the database; they stay in the journal and are "
                    + "retried: {}", batch.size(), e.getMessage());
            synchronized (lock) {
                Map<String, JournalRecordCodec.Change> merged = new LinkedHashMap<>(batch);
                merged.putAll(pending);
                pending = merged;
            }
            return;
        }
        try {
            BindingJournal.delete(covered);
        } catch (IOException e) {
            // harmless: the next flush deletes them, and replaying them gives the same states
            LOG.warn("Cannot delete written registration journal segments: {}", e.toString());
        }
    }

    /**
     * Writes the batch a chunk at a time, with a pause between chunks unless closing, so that the
     * write-behind adds a few percent of load over several seconds instead of a burst: on a server
     * with one busy core a burst of a few hundred milliseconds of database work delays the event
     * loops long enough for phones to retransmit. Paced, 20,000 changed bindings take 20 s.
     */
    private void writeInChunks(Map<String, JournalRecordCodec.Change> batch, boolean paced) {
        List<JournalRecordCodec.Change> all = new ArrayList<>(batch.values());
        boolean interrupted = false;
        for (int from = 0; from < all.size(); from += FLUSH_CHUNK) {
            if (paced && from > 0 && !interrupted) {
                try {
                    Thread.sleep(CHUNK_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    // finish without pauses; the flag is restored after the writes, since H2 closes
                    // its file when an interrupted thread touches it
                    interrupted = true;
                }
            }
            database.applyUnforced(List.of(changesOf(all.subList(from, Math.min(all.size(), from + FLUSH_CHUNK)))));
        }
        // the journal holds the changes until this returns, so one sync at the end is enough
        database.force();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One binding key appears at most once in {@code latest}: the callers take them from a map by key. */
    private static BindingChanges changesOf(Collection<JournalRecordCodec.Change> latest) {
        List<Binding> upserts = new ArrayList<>();
        List<Binding> removals = new ArrayList<>();
        for (JournalRecordCodec.Change c : latest) {
            (c.removal() ? removals : upserts).add(c.binding());
        }
        return new BindingChanges(upserts, removals);
    }

    private static String key(Binding b) {
        return b.aor() + "\n" + b.key();
    }

    /** Writes what is pending to the database and closes the journal. Blocks. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Registration flush did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush(false);
        synchronized (lock) {
            closed = true;
            try {
                journal.close();
                if (pending.isEmpty()) {
                    BindingJournal.delete(BindingJournal.segments(journal.directory()));
                }
            } catch (IOException e) {
                LOG.warn("Cannot close the registration journal: {}", e.toString());
            }
        }
    }
}
