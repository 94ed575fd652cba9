package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.store.TestDatabases.Engine;

/**
 * The same migration scripts (one folder per feature) on each database engine: an empty database
 * reaches the latest schema with every table the stores use, and opening it again applies nothing.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class MigrationsTest {
    private static final List<String> TABLES =
            List.of("domains", "users", "bindings", "bans", "devices", "device_lines", "call_records", "firmware",
                    "settings", "admin_accounts", "admin_setup", "audit_log", "api_tokens", "dialplan_rules",
                    "dialplan_schedules", "dialplan_classes", "dialplan_options", "feature_users", "feature_groups",
                    "feature_options", "trunks", "trunk_registrations");

    private final Engine engine;

    MigrationsTest(Engine engine) {
        this.engine = engine;
    }

    @Test
    void anEmptyDatabaseReachesTheLatestSchemaAndReopeningAppliesNothing() {
        String url = engine.newUrl();
        try (Database db = Database.open(url, engine.user(), "", 2)) {
            for (String table : TABLES) {
                int rows = db.withConnection(c -> {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
                assertThat(rows).as(table).isZero();
            }
        }
        try (Database again = Database.open(url, engine.user(), "", 2)) {
            var info = Flyway.configure().dataSource(again.dataSource())
                    .locations(Database.MIGRATIONS.toArray(String[]::new)).load().info();
            assertThat(info.pending()).isEmpty();
            assertThat(info.applied()).extracting(MigrationInfo::getVersion).extracting(Object::toString)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "15", "16", "20");
        }
    }
}
