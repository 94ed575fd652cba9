package org.switchboard.store.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/** The dial plan's rules, schedules, classes and options on each database engine, and its revision. */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcDialPlanStoreTest {
    private static final DialRule INTL = new DialRule("example.com", 20, "intl", "class:internal", "00*", null,
            "reject 403 International calls are barred", null);
    private static final DialRule VOICEMAIL = new DialRule("example.com", 10, "voicemail", "*", "9xxx", "office",
            "forward sip:{user}@media.example.com", "{1}");
    private static final DialRule OTHER = new DialRule("branch.example.com", 5, "all", "*", "*", null,
            "forward {user}", null);

    private final Database db;
    private final JdbcDialPlanStore store;

    JdbcDialPlanStoreTest(Engine engine) {
        db = engine.open();
        store = new JdbcDialPlanStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rulesComeBackByDomainPriorityAndNameWithEveryField() {
        store.saveRule(INTL);
        store.saveRule(OTHER);
        store.saveRule(VOICEMAIL);

        assertThat(store.rules()).containsExactly(OTHER, VOICEMAIL, INTL);
    }

    @Test
    void savingARuleOfTheSameNameReplacesItAndRemoveDeletesOnlyWhatExists() {
        store.saveRule(INTL);
        DialRule changed = new DialRule("EXAMPLE.com", 30, "intl", "*", "00*", null, "reject 403 Barred", null);

        store.saveRule(changed);

        assertThat(store.rules()).containsExactly(new DialRule("example.com", 30, "intl", "*", "00*", null,
                "reject 403 Barred", null));
        assertThat(store.removeRule("example.com", "intl")).isTrue();
        assertThat(store.removeRule("example.com", "intl")).isFalse();
        assertThat(store.rules()).isEmpty();
    }

    @Test
    void schedulesAreSavedReplacedAndRemoved() {
        store.saveSchedule(new DialSchedule("office", "mon-fri 08:00-18:00"));
        store.saveSchedule(new DialSchedule("office", "mon-fri 09:00-17:00; holidays=2026-12-24"));
        store.saveSchedule(new DialSchedule("night", "daily 22:00-06:00"));

        assertThat(store.schedules()).containsExactly(new DialSchedule("night", "daily 22:00-06:00"),
                new DialSchedule("office", "mon-fri 09:00-17:00; holidays=2026-12-24"));
        assertThat(store.removeSchedule("night")).isTrue();
        assertThat(store.removeSchedule("night")).isFalse();
    }

    @Test
    void permissionClassesAreSetChangedAndCleared() {
        AddressOfRecord alice = AddressOfRecord.parse("sip:201@example.com");
        AddressOfRecord bob = AddressOfRecord.parse("sip:202@example.com");
        store.setPermissionClass(alice, "national");
        store.setPermissionClass(alice, "internal");
        store.setPermissionClass(bob, "international");

        assertThat(store.permissionClasses()).isEqualTo(Map.of(alice, "internal", bob, "international"));

        store.setPermissionClass(bob, null);
        assertThat(store.permissionClasses()).isEqualTo(Map.of(alice, "internal"));
    }

    @Test
    void optionsAreSetAndResetToTheirDefault() {
        store.setOption("emergency", "112, 110");
        store.setOption("unmatched", "404");
        store.setOption("unmatched", "local");

        assertThat(store.options()).isEqualTo(Map.of("emergency", "112, 110", "unmatched", "local"));

        store.setOption("emergency", null);
        assertThat(store.options()).isEqualTo(Map.of("unmatched", "local"));
    }

    @Test
    void everyChangeIncreasesTheRevisionAndNothingElseDoes() {
        long start = store.revision();

        store.saveRule(INTL);
        store.saveSchedule(new DialSchedule("office", "mon-fri 08:00-18:00"));
        store.setPermissionClass(AddressOfRecord.parse("sip:201@example.com"), "internal");
        store.setOption("unmatched", "local");
        long changed = store.revision();
        store.rules();
        store.removeRule("example.com", "no-such-rule");
        store.setOption("no-such-option", null);

        assertThat(changed).isEqualTo(start + 4);
        assertThat(store.revision()).isEqualTo(changed);
    }
}
