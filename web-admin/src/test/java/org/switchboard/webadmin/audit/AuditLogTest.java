package org.switchboard.webadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.testkit.time.ManualClock;
import org.switchboard.webadmin.http.InMemoryAuditStore;

class AuditLogTest {

    @Test
    void secretsAreMaskedAndFieldsWrittenInNameOrder() {
        assertThat(AuditLog.describe(Map.of("name", "201", "sipPassword", "hunter2", "passwordHash", "$argon2id$x",
                "apiToken", "abc", "display", "Alice"))).isEqualTo(
                        "apiToken=***, display=Alice, name=201, passwordHash=***, sipPassword=***");
        assertThat(AuditLog.describe(null)).isNull();
    }

    @Test
    void anEntryRecordsWhoWhenWhereWhatAndBothStates() {
        InMemoryAuditStore store = new InMemoryAuditStore();
        ManualClock clock = new ManualClock();
        new AuditLog(store, clock).record("alice", "192.0.2.1", "user.edit", "example.com", "201@example.com",
                Map.of("display", "Old", "password", "a"), Map.of("display", "New", "password", "b"));

        var entry = store.page(null, 0, 1).get(0);
        assertThat(entry.at()).isEqualTo(clock.instant());
        assertThat(entry.before()).isEqualTo("display=Old, password=***");
        assertThat(entry.after()).isEqualTo("display=New, password=***");
        assertThat(entry.domain()).isEqualTo("example.com");
    }
}
