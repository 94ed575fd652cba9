package org.switchboard.store.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.settings.InMemorySettingsStore;
import org.switchboard.core.spi.settings.StoredSettings;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.testkit.time.ManualClock;

@ParameterizedClass
@EnumSource(Engine.class)
class CallRecordRetentionTest {
    private final Database db;
    private final JdbcCallRecordStore store;
    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-01T00:00:00Z"));

    CallRecordRetentionTest(Engine engine) {
        db = engine.open();
        store = new JdbcCallRecordStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pruneDeletesCallsStartedBeforeTheRetentionPeriodAsTheClockMoves() {
        Instant now = clock.instant();
        store.save(CallRecords.busy("91-days", now.minus(Duration.ofDays(91))));
        store.save(CallRecords.answered("89-days", now.minus(Duration.ofDays(89))));
        store.save(CallRecords.answered("today", now));
        CallRecordRetention retention = new CallRecordRetention(store, Duration.ofDays(90), clock);

        assertThat(retention.pruneNow()).isEqualTo(1);
        assertThat(store.recent(10)).extracting(CallRecord::callId).containsExactly("today", "89-days");

        clock.advance(Duration.ofDays(2));

        assertThat(retention.pruneNow()).isEqualTo(1);
        assertThat(store.recent(10)).extracting(CallRecord::callId).containsExactly("today");
    }

    @Test
    void aChangedLiveRetentionAppliesToTheNextPrune() {
        Instant now = clock.instant();
        store.save(CallRecords.busy("40-days", now.minus(Duration.ofDays(40))));
        store.save(CallRecords.answered("today", now));
        StoredSettings settings = StoredSettings.open(new InMemorySettingsStore(), List.of(CallRecordPolicy.SECTION),
                List.of());
        CallRecordRetention retention = new CallRecordRetention(store,
                () -> settings.current(CallRecordPolicy.SECTION).retention(), clock);

        assertThat(retention.pruneNow()).as("kept 90 days by default").isZero();

        settings.update(CallRecordPolicy.SECTION, Map.of("retentionDays", "30"), "test");

        assertThat(retention.pruneNow()).isEqualTo(1);
        assertThat(store.recent(10)).extracting(CallRecord::callId).containsExactly("today");
        assertThatThrownBy(() -> settings.update(CallRecordPolicy.SECTION, Map.of("retentionDays", "0"), "test"))
                .hasMessageContaining("at least one day");
    }

    @Test
    void startPrunesAtOnce() throws Exception {
        store.save(CallRecords.busy("old", clock.instant().minus(Duration.ofDays(8))));
        try (CallRecordRetention retention = new CallRecordRetention(store, Duration.ofDays(7), clock)) {
            retention.start();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!store.recent(1).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(store.recent(1)).isEmpty();
    }

    @Test
    void retentionMustBePositive() {
        assertThatThrownBy(() -> new CallRecordRetention(store, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
