package org.switchboard.store.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/** The users' call features, the groups and the options on each database engine, and the revision. */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcCallFeatureStoreTest {
    private final Database db;
    private final JdbcCallFeatureStore store;

    JdbcCallFeatureStoreTest(Engine engine) {
        db = engine.open();
        store = new JdbcCallFeatureStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void featuresComeBackWithEveryFieldAndNothingSetRemovesThem() {
        UserFeatures full = new UserFeatures("example.com", "201", "0301234", "202", "sip:x@example.net", 15, true,
                "0171234 after 15");
        UserFeatures bare = new UserFeatures("example.com", "202", null, null, null, null, false, "203 after 5");

        store.saveUserFeatures(new UserFeatures("EXAMPLE.com", "201", "0301234", "202", "sip:x@example.net", 15,
                true, "0171234 after 15"));
        store.saveUserFeatures(bare);

        assertThat(store.userFeatures()).containsExactly(full, bare);
        assertThat(store.userFeatures("Example.COM", "201")).contains(full);
        long before = store.revision();
        store.saveUserFeatures(UserFeatures.none("example.com", "201"));
        assertThat(store.userFeatures()).containsExactly(bare);
        assertThat(store.revision()).isGreaterThan(before);
    }

    @Test
    void groupsAreReplacedByNameAndRemovedOnce() {
        store.saveGroup(new HuntGroup("example.com", "600", "linear", 10, "201, 202", "voicemail"));
        HuntGroup changed = new HuntGroup("example.com", "600", "ring-all", null, "201, 202, 203", null);

        store.saveGroup(changed);

        assertThat(store.groups()).containsExactly(changed);
        assertThat(store.removeGroup("EXAMPLE.COM", "600")).isTrue();
        assertThat(store.removeGroup("example.com", "600")).isFalse();
        assertThat(store.groups()).isEmpty();
    }

    @Test
    void optionsAreSetAndResetAndOnlyChangesRaiseTheRevision() {
        long start = store.revision();
        store.setOption("voicemail", "sip:vm-{user}@vm.example.com");
        store.setOption("code.dnd-on", "*55");
        store.setOption("code.dnd-on", null);

        assertThat(store.options()).isEqualTo(Map.of("voicemail", "sip:vm-{user}@vm.example.com"));
        long after = store.revision();
        assertThat(after).isEqualTo(start + 3);
        store.setOption("code.dnd-on", null);
        assertThat(store.revision()).isEqualTo(after);
    }
}
