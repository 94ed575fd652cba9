package org.switchboard.store.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.spi.settings.Applies.When.LIVE;
import static org.switchboard.core.spi.settings.Applies.When.RESTART;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.proxy.ProxyTimes;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;
import org.switchboard.core.spi.settings.SettingsStore;
import org.switchboard.core.spi.settings.StoredSettings;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/**
 * Stored settings on each database engine: the {@link SettingsStore} contract (rows by section and
 * name, a save touching only what it names, whole or not at all) and {@link StoredSettings} over it
 * across a restart.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcSettingsStoreTest {
    enum Transport { UDP, TCP }

    /** A section with a setting of each kind a real one uses. */
    record Trunk(@Applies(LIVE) Duration ringTimeout, @Applies(RESTART) int threads, @Applies(LIVE) Transport transport,
            @Applies(LIVE) List<String> peers) {
        Trunk {
            peers = List.copyOf(peers);
        }
    }

    static final Section<Trunk> TRUNK = Section.of("trunk", Trunk.class,
            new Trunk(Duration.ofSeconds(120), 4, Transport.UDP, List.of()));

    private final Database db;
    private final JdbcSettingsStore store;

    JdbcSettingsStoreTest(Engine engine) {
        db = engine.open();
        store = new JdbcSettingsStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEmptyDatabaseLoadsNothing() {
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void savedValuesLoadBySectionAndName() {
        store.save("proxy", Map.of("ringTimeout", "180s", "followRedirects", "false"));
        store.save("registrar", Map.of("maxExpiry", "86400"));

        assertThat(store.loadAll()).isEqualTo(Map.of(
                "proxy", Map.of("ringTimeout", "180s", "followRedirects", "false"),
                "registrar", Map.of("maxExpiry", "86400")));
    }

    @Test
    void aSaveLeavesOtherNamesAndOtherSectionsAlone() {
        store.save("proxy", Map.of("ringTimeout", "180s", "followRedirects", "false"));
        store.save("registrar", Map.of("ringTimeout", "30s"));

        store.save("proxy", Map.of("threads", "8"));

        assertThat(store.loadAll()).isEqualTo(Map.of(
                "proxy", Map.of("ringTimeout", "180s", "followRedirects", "false", "threads", "8"),
                "registrar", Map.of("ringTimeout", "30s")));
    }

    @Test
    void savingAStoredNameReplacesItsValue() {
        store.save("proxy", Map.of("ringTimeout", "180s"));

        store.save("proxy", Map.of("ringTimeout", "90s", "threads", "8"));

        assertThat(store.loadAll()).isEqualTo(Map.of("proxy", Map.of("ringTimeout", "90s", "threads", "8")));
    }

    @Test
    void aValueOfTheColumnsFullWidthAndNonAsciiTextComeBackUnchanged() {
        String full = "x".repeat(3999) + "é";
        String nonAscii = "Zürich, Łódź, 東京, ☎ 🙂";

        store.save("proxy", Map.of("peers", full, "greeting", nonAscii));

        assertThat(store.loadAll().get("proxy")).isEqualTo(Map.of("peers", full, "greeting", nonAscii));
    }

    @Test
    void aSaveThatFailsStoresNoneOfItsValues() {
        store.save("proxy", Map.of("ringTimeout", "180s"));

        assertThatThrownBy(() -> store.save("proxy", Map.of("ringTimeout", "90s", "peers", "x".repeat(4001))))
                .isInstanceOf(StoreException.class);

        assertThat(store.loadAll()).isEqualTo(Map.of("proxy", Map.of("ringTimeout", "180s")));
    }

    @Test
    void storedSettingsSeeAnUpdateAfterARestart() {
        StoredSettings first = StoredSettings.open(store, List.of(TRUNK), List.of());
        assertThat(first.current(TRUNK)).isEqualTo(TRUNK.defaults());

        Trunk changed = new Trunk(Duration.ofSeconds(45), 8, Transport.TCP, List.of("sip.example.com", "198.51.100.7"));
        first.update(TRUNK, t -> changed, "admin");

        StoredSettings restarted = StoredSettings.open(new JdbcSettingsStore(db), List.of(TRUNK), List.of());
        assertThat(restarted.current(TRUNK)).isEqualTo(changed);
    }

    @Test
    void theProxyRingTimeChangedWhileRunningIsInEffectAfterARestart() {
        StoredSettings first = StoredSettings.open(store, List.of(ProxyTimes.SECTION), List.of());
        first.update(ProxyTimes.SECTION, Map.of("ringTimeout", "45s"), "admin");

        StoredSettings restarted = StoredSettings.open(new JdbcSettingsStore(db), List.of(ProxyTimes.SECTION),
                List.of());
        assertThat(restarted.current(ProxyTimes.SECTION))
                .isEqualTo(ProxyTimes.SECTION.defaults().withRingTimeout(Duration.ofSeconds(45)));
        assertThat(store.loadAll()).isEqualTo(Map.of("proxy", Map.of("ringTimeout", "45s")));
    }
}
