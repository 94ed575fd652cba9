package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.registrar.binding.BindingFixtures.binding;
import static org.switchboard.registrar.binding.BindingFixtures.outbound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases;
import org.switchboard.store.bindings.CountingBindingStore;
import org.switchboard.store.bindings.JdbcBindingStore;

class JournaledBindingStoreTest {
    private static final Duration NEVER = Duration.ofHours(1);
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path journalDir;

    private Database db;
    private CountingBindingStore database;

    @BeforeEach
    void setUp() {
        db = TestDatabases.inMemory();
        database = new CountingBindingStore(new JdbcBindingStore(db));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A store that writes the database only when closed, and whose segments never fill. */
    private JournaledBindingStore openStore() {
        return JournaledBindingStore.open(database, journalDir, NEVER, 1 << 20);
    }

    private static BindingChanges upsert(Binding b) {
        return new BindingChanges(List.of(b), List.of());
    }

    @Test
    void acknowledgedChangesSurviveACrashBeforeTheDatabaseIsWritten() throws IOException {
        JournaledBindingStore crashed = openStore();
        crashed.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", 1))));
        crashed.apply(List.of(upsert(outbound("sip:201@192.0.2.11;ob", LATER, "b", 1))));
        assertThat(database.commits()).isZero();
        assertThat(BindingJournal.segments(journalDir)).hasSize(1);
        // no close(): the process died here

        JournaledBindingStore restarted = openStore();

        assertThat(restarted.loadAll()).extracting(Binding::contactUri)
                .containsExactlyInAnyOrder("sip:201@192.0.2.10", "sip:201@192.0.2.11;ob");
        assertThat(restarted.loadAll()).filteredOn(b -> b.instanceId() != null).singleElement()
                .isEqualTo(outbound("sip:201@192.0.2.11;ob", LATER, "b", 1));
        assertThat(database.commits()).isEqualTo(1);
        restarted.close();
    }

    @Test
    void writesOnlyTheLatestStateOfEachBindingToTheDatabase() throws IOException {
        JournaledBindingStore store = openStore();
        for (int cseq = 1; cseq <= 5; cseq++) {
            store.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", cseq))));
        }
        Binding gone = binding("sip:201@192.0.2.12", 1.0, LATER, "c", 1);
        store.apply(List.of(upsert(gone)));
        store.apply(List.of(new BindingChanges(List.of(), List.of(gone))));

        store.close();

        assertThat(database.commits()).isEqualTo(1);
        assertThat(database.loadAll()).singleElement().extracting(Binding::cseq).isEqualTo(5L);
        assertThat(BindingJournal.segments(journalDir)).isEmpty();
    }

    @Test
    void flushesEveryIntervalAndDeletesTheWrittenSegments() throws Exception {
        JournaledBindingStore store = JournaledBindingStore.open(database, journalDir, Duration.ofMillis(50), 1 << 20);
        store.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", 1))));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // the flush writes the database, then deletes the segment it rotated away from
        while ((database.loadAll().isEmpty() || BindingJournal.segments(journalDir).size() > 1)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(database.loadAll()).hasSize(1);
        assertThat(BindingJournal.segments(journalDir)).hasSize(1); // only the new, current one
        store.close();
    }

    @Test
    void writesALargeBatchInSeveralCommits() {
        JournaledBindingStore store = openStore();
        for (int i = 0; i < 2500; i++) {
            store.apply(List.of(upsert(binding("sip:201@192.0.2.10:" + (10000 + i), 1.0, LATER, "a", 1))));
        }

        store.close();

        assertThat(database.commits()).isEqualTo(13); // 200 bindings per commit
        assertThat(database.forces()).as("one sync for the whole batch").isEqualTo(1);
        assertThat(database.loadAll()).hasSize(2500);
    }

    @Test
    void theJournalIsKeptUntilTheDatabaseWritesAreForced() throws IOException {
        JournaledBindingStore crashed = JournaledBindingStore.open(new BindingStore() {
            @Override
            public List<Binding> loadAll() {
                return database.loadAll();
            }

            @Override
            public void apply(List<BindingChanges> changes) {
                database.apply(changes);
            }

            @Override
            public void applyUnforced(List<BindingChanges> changes) {
                database.applyUnforced(changes);
            }

            @Override
            public void force() {
                throw new StoreException("power cut before the sync (test)", null);
            }
        }, journalDir, NEVER, 1 << 20);
        crashed.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", 1))));

        crashed.close();

        assertThat(BindingJournal.segments(journalDir)).isNotEmpty();
        JournaledBindingStore restarted = openStore();
        assertThat(restarted.loadAll()).hasSize(1);
        restarted.close();
    }

    @Test
    void aFailedDatabaseWriteKeepsTheChangesForTheNextFlush() throws IOException {
        JournaledBindingStore store = openStore();
        store.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", 1))));
        database.failCommits(true);
        store.close();
        assertThat(BindingJournal.segments(journalDir)).isNotEmpty();

        database.failCommits(false);
        JournaledBindingStore restarted = openStore();
        assertThat(restarted.loadAll()).hasSize(1);
        restarted.close();
    }

    @Test
    void aRecordHalfWrittenByACrashIsIgnored() throws IOException {
        JournaledBindingStore crashed = openStore();
        crashed.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", 1))));
        Path segment = BindingJournal.segments(journalDir).get(0);
        byte[] whole = Files.readAllBytes(segment);
        crashed.apply(List.of(upsert(binding("sip:201@192.0.2.11", 1.0, LATER, "b", 1))));
        byte[] both = Files.readAllBytes(segment);
        // the second record cut in the middle, as a crash during its write leaves it
        Files.write(segment, Arrays.copyOf(both, whole.length + (both.length - whole.length) / 2),
                StandardOpenOption.TRUNCATE_EXISTING);

        JournaledBindingStore restarted = openStore();

        assertThat(restarted.loadAll()).extracting(Binding::contactUri).containsExactly("sip:201@192.0.2.10");
        restarted.close();
    }

    @Test
    void aDamagedRecordEndsTheReplayOfItsSegment() throws IOException {
        JournaledBindingStore crashed = openStore();
        crashed.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", 1))));
        Path segment = BindingJournal.segments(journalDir).get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x55;
        Files.write(segment, bytes);

        JournaledBindingStore restarted = openStore();

        assertThat(restarted.loadAll()).isEmpty();
        restarted.close();
    }

    @Test
    void refusesChangesAfterClose() {
        JournaledBindingStore store = openStore();
        store.close();
        assertThatThrownBy(() -> store.apply(List.of(upsert(binding("sip:201@192.0.2.10", 1.0, LATER, "a", 1)))))
                .isInstanceOf(StoreException.class);
    }
}
