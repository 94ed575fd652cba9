package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.admin.JdbcAdminStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.store.bans.JdbcBanStore;
import org.switchboard.store.bindings.JdbcBindingStore;
import org.switchboard.store.calls.JdbcCallRecordStore;
import org.switchboard.store.devices.JdbcDeviceStore;
import org.switchboard.store.settings.JdbcSettingsStore;

/**
 * A data directory made before the migrations were split into one folder per feature still opens:
 * {@code old-layout/switchboard.mv.db} was written by the server of the commit before the split
 * (schema version 7, all migrations from the one {@code db/migration} folder; a domain, a user, a
 * phone with firmware by its command line, a binding, a ban and a call record by its stores). It
 * migrates on to the latest version like any database of its age.
 */
class OldLayoutDatabaseTest {
    private static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "15",
            "16", "20");

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseMigratedFromTheSingleFolderOpensAndKeepsItsData() throws IOException {
        try (InputStream old = getClass().getResourceAsStream("/old-layout/switchboard.mv.db")) {
            Files.copy(old, dataDir.resolve("switchboard.mv.db"));
        }

        try (Database db = Database.open(Database.h2FileUrl(dataDir), "sa", "", 2)) {
            assertThat(appliedVersions(db)).as("nothing re-applied, only the later versions added").isEqualTo(VERSIONS);
            assertThat(new JdbcDomainStore(db).exists("example.com")).isTrue();
            assertThat(new JdbcUserStore(db).find("example.com", "201")).isPresent();
            assertThat(new JdbcDeviceStore(db).find("000413a1b2c3")).hasValueSatisfying(
                    device -> assertThat(device.lines()).singleElement()
                            .satisfies(line -> assertThat(line.userName()).isEqualTo("201")));
            assertThat(new JdbcDeviceStore(db).firmwareUrl("snomD785")).contains("https://fw.example.com/snomD785.bin");
            assertThat(new JdbcBindingStore(db).loadAll()).singleElement().extracting(Binding::aor)
                    .isEqualTo(new AddressOfRecord("201", "example.com"));
            assertThat(new JdbcBanStore(db).load()).singleElement()
                    .satisfies(ban -> assertThat(ban.source().getHostAddress()).isEqualTo("203.0.113.9"));
            assertThat(new JdbcCallRecordStore(db).recent(10)).singleElement().extracting(CallRecord::callId)
                    .isEqualTo("cdr-1@old");
            assertThat(new JdbcSettingsStore(db).loadAll()).isEmpty();
            assertThat(new JdbcAdminStore(db).count()).as("no administrator yet: the first-run setup applies").isZero();
        }
    }

    @Test
    void aNewDatabaseGetsEveryMigrationFromTheFeatureFolders() {
        try (Database db = Database.open(Database.h2MemoryUrl("fresh-" + UUID.randomUUID()), "sa", "", 2)) {
            assertThat(appliedVersions(db)).isEqualTo(VERSIONS);
        }
    }

    private static List<String> appliedVersions(Database db) {
        return db.withConnection(c -> {
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            return versions;
        });
    }
}
