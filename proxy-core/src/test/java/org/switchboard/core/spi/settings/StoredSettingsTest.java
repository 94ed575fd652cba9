package org.switchboard.core.spi.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.switchboard.core.spi.settings.TestSections.EXPIRY;
import static org.switchboard.core.spi.settings.TestSections.RINGING;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.settings.SettingState.Source;
import org.switchboard.core.spi.settings.TestSections.Expiry;
import org.switchboard.core.spi.settings.TestSections.Ringing;

class StoredSettingsTest {
    private static final List<Section<?>> SECTIONS = List.of(RINGING, EXPIRY);

    private final Logger logger = (Logger) LoggerFactory.getLogger(StoredSettings.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<SettingsChange<?>> changes = new ArrayList<>();

    @BeforeEach
    void attach() {
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
        logger.setLevel(null);
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private StoredSettings open(RecordingStore store, SettingOverride... overrides) {
        StoredSettings settings = StoredSettings.open(store, SECTIONS, List.of(overrides));
        settings.addListener(changes::add, Runnable::run);
        return settings;
    }

    @Test
    void startsWithTheDefaultsWhenNothingIsStored() {
        StoredSettings settings = open(new RecordingStore(Map.of()));

        assertThat(settings.current(RINGING)).isEqualTo(RINGING.defaults());
        assertThat(settings.current(EXPIRY)).isEqualTo(EXPIRY.defaults());
        assertThat(settings.describe(RINGING)).extracting(SettingState::source).containsOnly(Source.DEFAULT);
        assertThat(settings.sections()).containsExactly(RINGING, EXPIRY);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void startsWithTheStoredValuesOverTheDefaults() {
        StoredSettings settings = open(new RecordingStore(Map.of("proxy", Map.of("ringTimeout", "3m"))));

        assertThat(settings.current(RINGING)).isEqualTo(new Ringing(Duration.ofMinutes(3), true, 4));
        assertThat(settings.describe(RINGING)).extracting(s -> s.setting().name(), SettingState::value,
                SettingState::defaultValue, SettingState::source).containsExactly(
                        tuple("ringTimeout", "3m", "2m", Source.STORED),
                        tuple("followRedirects", "true", "true", Source.DEFAULT),
                        tuple("threads", "4", "4", Source.DEFAULT));
    }

    @Test
    void updatePersistsOnlyTheChangedSettingAndNotifiesThatItAppliesLive() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store);

        Ringing after = settings.update(RINGING, r -> r.withRingTimeout(Duration.ofSeconds(180)), "admin");

        assertThat(after.ringTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.current(RINGING)).isEqualTo(after);
        assertThat(store.saves).containsExactly(new RecordingStore.Save("proxy", Map.of("ringTimeout", "3m")));
        assertThat(changes).singleElement().satisfies(change -> {
            SettingsChange<Ringing> c = change.of(RINGING).orElseThrow();
            assertThat(c.before()).isEqualTo(RINGING.defaults());
            assertThat(c.after()).isEqualTo(after);
            assertThat(c.changed()).extracting(Setting::key).containsExactly("proxy.ringTimeout");
            assertThat(c.restartRequired()).isFalse();
            assertThat(c.who()).isEqualTo("admin");
            assertThat(change.of(EXPIRY)).isEmpty();
        });
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("Settings changed by admin: proxy.ringTimeout 2m -> 3m");
        assertThat(StoredSettings.open(store, SECTIONS, List.of()).current(RINGING))
                .as("the next start").isEqualTo(after);
    }

    @Test
    void updateOfASettingReadAtStartSaysARestartIsNeededAndShowsItPending() {
        StoredSettings settings = open(new RecordingStore(Map.of()));

        settings.update(RINGING, r -> r.withThreads(8).withRingTimeout(Duration.ofSeconds(30)), "admin");

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.restartRequired()).isTrue();
            assertThat(c.changed()).extracting(Setting::name).containsExactly("ringTimeout", "threads");
        });
        assertThat(settings.describe(RINGING)).filteredOn(SettingState::pendingRestart)
                .extracting(s -> s.setting().name()).containsExactly("threads");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).contains(
                "Settings changed by admin: proxy.ringTimeout 2m -> 30s, proxy.threads 4 -> 8 "
                        + "(takes effect at the next restart)");
    }

    @Test
    void updateThatChangesNothingStoresAndTellsNothing() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store);
        Ringing before = settings.current(RINGING);

        Ringing same = settings.update(RINGING, r -> new Ringing(r.ringTimeout(), r.followRedirects(), r.threads()),
                "admin");

        assertThat(same).isSameAs(before);
        assertThat(settings.current(RINGING)).isSameAs(before);
        assertThat(store.saves).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void updateFromTextParsesEachNamedSetting() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store);

        settings.update(EXPIRY, Map.of("minSeconds", "30", "maxSeconds", "7200"), "cli");

        assertThat(settings.current(EXPIRY)).isEqualTo(new Expiry(30, 3600, 7200));
        assertThat(store.saves).containsExactly(
                new RecordingStore.Save("registrar", Map.of("minSeconds", "30", "maxSeconds", "7200")));
        assertThat(settings.describe(EXPIRY)).extracting(SettingState::source)
                .containsExactly(Source.STORED, Source.DEFAULT, Source.STORED);
    }

    @Test
    void refusesInvalidValuesWithTheRecordsMessageAndChangesNothing() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store);

        assertThatThrownBy(() -> settings.update(RINGING, r -> r.withThreads(0), "admin"))
                .isInstanceOf(InvalidSettingException.class).hasMessage("proxy: threads must be at least 1, not 0");
        assertThatThrownBy(() -> settings.update(EXPIRY, Map.of("minSeconds", "7200"), "admin"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("registrar: expiry needs 1 <= minSeconds <= defaultSeconds <= maxSeconds, got 7200, 3600, "
                        + "86400");
        assertThatThrownBy(() -> settings.update(RINGING, Map.of("ringTimeout", "forever"), "admin"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("proxy.ringTimeout: 'forever' is not a duration like 30s, 500ms or 3m");
        assertThatThrownBy(() -> settings.update(RINGING, Map.of("ringTime", "3m"), "admin"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("proxy.ringTime: there is no such");
        assertThatThrownBy(() -> settings.update(RINGING, r -> r.withRingTimeout(null), "admin"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("proxy: ringTimeout must be");
        assertThatThrownBy(() -> settings.update(RINGING, r -> r.withThreads(2), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("who");

        assertThat(settings.current(RINGING)).isEqualTo(RINGING.defaults());
        assertThat(settings.current(EXPIRY)).isEqualTo(EXPIRY.defaults());
        assertThat(store.saves).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void aStoreThatCannotWriteLeavesTheCurrentValuesAndTellsNoOne() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store);
        store.failNextSave = new IllegalStateException("database is down");

        assertThatThrownBy(() -> settings.update(RINGING, r -> r.withThreads(2), "admin"))
                .hasMessage("database is down");

        assertThat(settings.current(RINGING)).isEqualTo(RINGING.defaults());
        assertThat(changes).isEmpty();
    }

    @Test
    void anOverrideWinsOverTheStoredValueAndPinsTheSetting() {
        RecordingStore store = new RecordingStore(Map.of("proxy", Map.of("ringTimeout", "3m")));
        StoredSettings settings = open(store,
                new SettingOverride("proxy.ringTimeout", "45s", "SWITCHBOARD_PROXY_RING_TIMEOUT"));

        assertThat(settings.current(RINGING).ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        SettingState ring = settings.describe(RINGING).get(0);
        assertThat(ring.pinned()).isTrue();
        assertThat(ring.source()).isEqualTo(Source.OVERRIDE);
        assertThat(ring.pinnedBy()).contains("SWITCHBOARD_PROXY_RING_TIMEOUT");
        assertThat(settings.describe(RINGING).get(1).pinnedBy()).isEqualTo(Optional.empty());

        assertThatThrownBy(() -> settings.update(RINGING, Map.of("ringTimeout", "1m"), "admin"))
                .isInstanceOf(PinnedSettingException.class)
                .hasMessage("proxy.ringTimeout is set by SWITCHBOARD_PROXY_RING_TIMEOUT at start and cannot be "
                        + "changed while the server runs; change SWITCHBOARD_PROXY_RING_TIMEOUT and restart");
        assertThat(store.saves).isEmpty();

        settings.update(RINGING, r -> r.withThreads(2), "admin");

        assertThat(settings.current(RINGING)).isEqualTo(new Ringing(Duration.ofSeconds(45), true, 2));
        assertThat(store.saves).as("the pinned value is never stored")
                .containsExactly(new RecordingStore.Save("proxy", Map.of("threads", "2")));
        assertThat(store.loadAll().get("proxy")).containsEntry("ringTimeout", "3m");
    }

    @Test
    void laterOverridesWinSoTheCommandLineBeatsTheEnvironment() {
        StoredSettings settings = open(new RecordingStore(Map.of()),
                new SettingOverride("proxy.threads", "2", "SWITCHBOARD_PROXY_THREADS"),
                new SettingOverride("proxy.threads", "3", "--proxy-threads"));

        assertThat(settings.current(RINGING).threads()).isEqualTo(3);
        assertThat(settings.describe(RINGING).get(2).pinnedBy()).contains("--proxy-threads");
    }

    @Test
    void readsOverridesFromTheEnvironmentBySettingName() {
        List<SettingOverride> overrides = SettingOverride.fromEnvironment(Map.of(
                "SWITCHBOARD_PROXY_RING_TIMEOUT", "90s", "SWITCHBOARD_REGISTRAR_MIN_SECONDS", " ",
                "SWITCHBOARD_SIP_PORT", "5070"), SECTIONS);

        assertThat(overrides).containsExactly(
                new SettingOverride("proxy.ringTimeout", "90s", "SWITCHBOARD_PROXY_RING_TIMEOUT"));
    }

    @Test
    void aWrongOverrideStopsTheStartNamingWhereItCameFrom() {
        RecordingStore store = new RecordingStore(Map.of());

        assertThatThrownBy(() -> open(store, new SettingOverride("proxy.ringTimeout", "soon", "--proxy-ring-timeout")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("proxy.ringTimeout: 'soon' given by --proxy-ring-timeout is not valid; "
                        + "expected a duration like 30s");
        assertThatThrownBy(() -> open(store, new SettingOverride("proxy.ringTime", "3m", "--proxy-ring-time")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("proxy.ringTime: given by --proxy-ring-time, but there is no such setting; settings of "
                        + "section proxy are [ringTimeout, followRedirects, threads]");
        assertThatThrownBy(() -> open(store, new SettingOverride("nat.relay", "on", "--nat-relay")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("nat.relay: given by --nat-relay, but there is no such setting; sections are "
                        + "[proxy, registrar]");
        assertThatThrownBy(() -> open(store, new SettingOverride("registrar.minSeconds", "7200", "--registrar-min")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("registrar: the values given at start do not fit the defaults: expiry needs "
                        + "1 <= minSeconds <= defaultSeconds <= maxSeconds, got 7200, 3600, 86400");
    }

    @Test
    void ignoresStoredNamesItDoesNotKnowLoggingEachOnce() {
        RecordingStore store = new RecordingStore(Map.of(
                "proxy", Map.of("ringTimeout", "3m", "ringBackTone", "on"),
                "voicemail", Map.of("greeting", "default")));

        StoredSettings settings = open(store);

        assertThat(settings.current(RINGING).ringTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(warnings()).containsExactlyInAnyOrder(
                "Ignoring stored setting proxy.ringBackTone = 'on': this version has no such setting; "
                        + "a newer version may have written it",
                "Ignoring stored settings section 'voicemail' ([greeting]): this version has no such section; "
                        + "a newer version may have written it");

        settings.update(RINGING, r -> r.withThreads(2), "admin");

        assertThat(store.loadAll().get("proxy")).as("left for the newer version").containsEntry("ringBackTone", "on");
        assertThat(warnings()).hasSize(2);
    }

    @Test
    void aMalformedStoredValueFallsBackToItsDefaultWithALogLineNamingIt() {
        StoredSettings settings = open(new RecordingStore(Map.of("proxy",
                Map.of("ringTimeout", "two minutes", "threads", "8"))));

        assertThat(settings.current(RINGING)).isEqualTo(new Ringing(Duration.ofSeconds(120), true, 8));
        assertThat(settings.describe(RINGING).get(0).source()).isEqualTo(Source.DEFAULT);
        assertThat(warnings()).containsExactly("Stored setting proxy.ringTimeout is not valid: 'two minutes' is not a "
                + "duration like 30s, 500ms or 3m (units ms, s, m, h, d); using the default 2m");
    }

    @Test
    void storedValuesThatDoNotFitTogetherFallBackToTheSectionsDefaults() {
        StoredSettings settings = open(new RecordingStore(Map.of("registrar",
                Map.of("minSeconds", "600", "maxSeconds", "300"))));

        assertThat(settings.current(EXPIRY)).isEqualTo(EXPIRY.defaults());
        assertThat(settings.describe(EXPIRY)).extracting(SettingState::source).containsOnly(Source.DEFAULT);
        assertThat(warnings()).singleElement().asString().startsWith("Stored settings of section registrar do not fit "
                + "together (expiry needs 1 <= minSeconds <= defaultSeconds <= maxSeconds, got 600, 3600, "
                + "300); using the defaults");
    }

    @Test
    void aFailingListenerIsLoggedAndUndoesNothingAndARemovedOneHearsNothing() {
        StoredSettings settings = open(new RecordingStore(Map.of()));
        SettingsListener failing = change -> {
            throw new IllegalStateException("listener bug");
        };
        List<SettingsChange<?>> removed = new ArrayList<>();
        SettingsListener removedListener = removed::add;
        settings.addListener(failing, Runnable::run);
        settings.addListener(removedListener, Runnable::run);
        settings.removeListener(removedListener);

        settings.update(RINGING, r -> r.withThreads(2), "admin");

        assertThat(settings.current(RINGING).threads()).isEqualTo(2);
        assertThat(changes).hasSize(1);
        assertThat(removed).isEmpty();
        assertThat(warnings()).singleElement().asString().contains("failed on the change of section proxy by admin");
    }

    @Test
    void listenersRunOnTheExecutorTheyChose() {
        StoredSettings settings = open(new RecordingStore(Map.of()));
        List<Runnable> queued = new ArrayList<>();
        List<SettingsChange<?>> heard = new ArrayList<>();
        settings.addListener(heard::add, queued::add);

        settings.update(RINGING, r -> r.withThreads(2), "admin");

        assertThat(heard).isEmpty();
        queued.forEach(Runnable::run);
        assertThat(heard).singleElement().extracting(SettingsChange::who).isEqualTo("admin");
    }

    @Test
    void refusesSectionsItWasNotGivenAndTwoSectionsOfOneName() {
        StoredSettings settings = StoredSettings.open(new RecordingStore(Map.of()), List.of(RINGING), List.of());
        Section<Ringing> twin = Section.of("proxy", Ringing.class, RINGING.defaults());

        assertThatThrownBy(() -> settings.current(EXPIRY))
                .hasMessage("settings section registrar is not one of [proxy]");
        assertThatThrownBy(() -> StoredSettings.open(new RecordingStore(Map.of()), List.of(RINGING, twin), List.of()))
                .hasMessage("two settings sections are named proxy");
    }

    @Test
    void aRefreshTakesInWhatAnotherServerStoredAndTellsTheListeners() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store);

        store.stored.save("proxy", Map.of("ringTimeout", "30s")); // another node of the farm
        assertThat(settings.refresh("another server")).isEqualTo(1);

        assertThat(settings.current(RINGING).ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.describe(RINGING).get(0).source()).isEqualTo(Source.STORED);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.who()).isEqualTo("another server");
            assertThat(change.changed()).extracting(Setting::name).containsExactly("ringTimeout");
        });
        assertThat(settings.refresh("another server")).as("nothing new").isZero();
        assertThat(changes).hasSize(1);
    }

    @Test
    void aRefreshKeepsPinnedSettingsPinned() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store,
                new SettingOverride("proxy.ringTimeout", "45s", "SWITCHBOARD_PROXY_RING_TIMEOUT"));

        store.stored.save("proxy", Map.of("ringTimeout", "30s", "followRedirects", "false"));
        settings.refresh("another server");

        assertThat(settings.current(RINGING)).isEqualTo(new Ringing(Duration.ofSeconds(45), false, 4));
        assertThat(changes).singleElement().satisfies(change ->
                assertThat(change.changed()).extracting(Setting::name).containsExactly("followRedirects"));
    }

    @Test
    void aBadValueAnotherServerStoredIsLoggedOnceAndTheDefaultKept() {
        RecordingStore store = new RecordingStore(Map.of());
        StoredSettings settings = open(store);

        store.stored.save("proxy", Map.of("ringTimeout", "soon"));
        settings.refresh("another server");
        settings.refresh("another server");

        assertThat(settings.current(RINGING)).isEqualTo(RINGING.defaults());
        assertThat(warnings()).hasSize(1).first().asString().contains("proxy.ringTimeout");
        assertThat(changes).isEmpty();
    }
}
