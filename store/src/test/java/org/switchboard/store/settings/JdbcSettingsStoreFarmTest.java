package org.switchboard.store.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/**
 * Two farm nodes on one PostgreSQL save the same new setting at once. Only PostgreSQL: an embedded
 * H2 database belongs to one server, whose {@code StoredSettings} makes its saves one at a time.
 */
class JdbcSettingsStoreFarmTest {
    private static final String INSERT =
            "INSERT INTO settings (section_name, setting_name, setting_value) VALUES (?, ?, ?)";
    /** How often, at most, to look whether our save waits (10 ms apart). */
    private static final int LOOKS = 3000;

    private final String url = Engine.POSTGRESQL.newUrl();
    private final Database ourNode = Database.open(url, Engine.POSTGRESQL.user(), "", 2);
    private final Database otherNode = Database.open(url, Engine.POSTGRESQL.user(), "", 2);

    @AfterEach
    void close() {
        ourNode.close();
        otherNode.close();
    }

    /**
     * The other node's insert is not yet committed when our update finds no row, so our insert
     * waits for it and then fails as a duplicate. The save runs again and replaces the other node's
     * value, as a save made after it would.
     */
    @Test
    void aNameTheOtherNodeInsertsMeanwhileIsReplacedWithoutAnError() throws Exception {
        JdbcSettingsStore store = new JdbcSettingsStore(ourNode);
        try (Connection other = otherNode.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(INSERT)) {
                insert.setString(1, "proxy");
                insert.setString(2, "ringTimeout");
                insert.setString(3, "30s");
                insert.executeUpdate();
            }
            CompletableFuture<Void> ours =
                    CompletableFuture.runAsync(() -> store.save("proxy", Map.of("ringTimeout", "180s")));
            for (int i = 0; i < LOOKS && !ours.isDone() && !aSessionWaitsForALock(); i++) {
                Thread.sleep(10);
            }
            assertThat(ours).as("our insert waits for the other node's").isNotDone();
            assertThat(aSessionWaitsForALock()).as("our insert waits for the other node's").isTrue();
            other.commit();
            ours.get(30, TimeUnit.SECONDS);
        }

        assertThat(store.loadAll()).isEqualTo(Map.of("proxy", Map.of("ringTimeout", "180s")));
    }

    private boolean aSessionWaitsForALock() {
        return otherNode.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }
}
