package org.switchboard.core.spi.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.switchboard.core.spi.settings.Applies.When.LIVE;
import static org.switchboard.core.spi.settings.TestSections.RINGING;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.settings.TestSections.Ringing;

/**
 * Readers against writers. Bounded loops and latches with generous timeouts that only turn a hang
 * into a failure; nothing here measures time.
 */
class StoredSettingsConcurrencyTest {
    /** Two settings an update always changes together, so a torn read would show them apart. */
    record Pair(@Applies(LIVE) long a, @Applies(LIVE) long b) {
    }

    private static final Section<Pair> PAIR = Section.of("pair", Pair.class, new Pair(0, 0));

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void readersDuringUpdatesSeeOnlyWholeSnapshotsAndNeverGoBack() throws Exception {
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(), List.of(PAIR), List.of());
        int updates = 2_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Long>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(threads.submit(() -> {
                long last = 0;
                long reads = 0;
                while (writing.get() || reads == 0) {
                    Pair p = settings.current(PAIR);
                    assertThat(p.b()).as("b of the same snapshot as a=%d", p.a()).isEqualTo(p.a());
                    assertThat(p.a()).as("a later read").isGreaterThanOrEqualTo(last);
                    last = p.a();
                    reads++;
                }
                return last;
            }));
        }
        Future<?> writer = threads.submit(() -> {
            for (long i = 1; i <= updates; i++) {
                long n = i;
                settings.update(PAIR, p -> new Pair(n, n), "writer");
            }
            writing.set(false);
        });

        writer.get(60, TimeUnit.SECONDS);
        for (Future<Long> reader : readers) {
            assertThat(reader.get(60, TimeUnit.SECONDS)).isLessThanOrEqualTo(updates);
        }
        assertThat(settings.current(PAIR)).isEqualTo(new Pair(updates, updates));
    }

    @Test
    void concurrentUpdatesEachSeeThePreviousOneSoNoneIsLost() throws Exception {
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(), List.of(PAIR), List.of());
        int perWriter = 500;
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            writers.add(threads.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    settings.update(PAIR, p -> new Pair(p.a() + 1, p.b() + 1), "writer");
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }

        assertThat(settings.current(PAIR)).isEqualTo(new Pair(3 * perWriter, 3 * perWriter));
    }

    @Test
    void readersAreNotHeldUpByAnUpdateWaitingForTheStore() throws Exception {
        CountDownLatch saving = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InMemorySettingsStore memory = new InMemorySettingsStore();
        SettingsStore slowStore = new SettingsStore() {
            @Override
            public Map<String, Map<String, String>> loadAll() {
                return memory.loadAll();
            }

            @Override
            public void save(String section, Map<String, String> values) {
                saving.countDown();
                try {
                    assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                memory.save(section, values);
            }
        };
        StoredSettings settings = StoredSettings.open(slowStore, List.of(RINGING), List.of());
        Future<Ringing> update = threads.submit(
                () -> settings.update(RINGING, r -> r.withRingTimeout(Duration.ofMinutes(3)), "admin"));
        assertThat(saving.await(60, TimeUnit.SECONDS)).isTrue();

        Future<Ringing> read = threads.submit(() -> settings.current(RINGING));

        assertThat(read.get(60, TimeUnit.SECONDS)).as("read while the update holds its lock")
                .isEqualTo(RINGING.defaults());
        release.countDown();
        assertThat(update.get(60, TimeUnit.SECONDS).ringTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.current(RINGING).ringTimeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void readingAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count the bytes a thread allocates");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(), List.of(RINGING, PAIR), List.of());
        int reads = 200_000;
        long sink = 0;
        for (int i = 0; i < reads; i++) {
            sink += settings.current(PAIR).a();
        }
        long thread = Thread.currentThread().getId();

        long before = bean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < reads; i++) {
            sink += settings.current(PAIR).a() + settings.current(RINGING).threads();
        }
        long allocated = bean.getThreadAllocatedBytes(thread) - before;

        assertThat(sink).as("each measured read saw pair.a 0 and proxy.threads 4").isEqualTo(4L * reads);
        // Even one small object per read would be 16 bytes x 400,000 reads; allow a few kilobytes for
        // the measurement itself.
        assertThat(allocated).as("bytes allocated by %d reads", 2 * reads).isLessThan(64 * 1024);
    }
}
