package org.switchboard.store.settings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.switchboard.core.spi.settings.SettingsStore;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.store.Database;

/**
 * {@link SettingsStore} on the server's {@link Database} (H2 or PostgreSQL), one row per setting in
 * the {@code settings} table. Blocking; thread-safe.
 *
 * <p>A save updates each name and inserts it where no row was updated, in plain SQL that both
 * databases run (no MERGE or ON CONFLICT). When two farm nodes insert the same new name at once,
 * the later insert fails with a unique violation once the first commits; the save then runs again
 * once, and its update finds the row.
 */
public final class JdbcSettingsStore implements SettingsStore {
    /** SQL state of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String UPDATE =
            "UPDATE settings SET setting_value = ? WHERE section_name = ? AND setting_name = ?";
    private static final String INSERT =
            "INSERT INTO settings (section_name, setting_name, setting_value) VALUES (?, ?, ?)";

    private final Database db;

    public JdbcSettingsStore(Database db) {
        this.db = db;
    }

    @Override
    public Map<String, Map<String, String>> loadAll() {
        return db.withConnection(c -> {
            Map<String, Map<String, String>> sections = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT section_name, setting_name, setting_value FROM settings");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sections.computeIfAbsent(rs.getString(1), s -> new HashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }
            }
            Map<String, Map<String, String>> copy = new HashMap<>();
            sections.forEach((section, values) -> copy.put(section, Map.copyOf(values)));
            return Map.copyOf(copy);
        });
    }

    @Override
    public void save(String section, Map<String, String> values) {
        Objects.requireNonNull(section, "section");
        Map<String, String> copy = Map.copyOf(values);
        try {
            saveOnce(section, copy);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw e;
            }
            // Another node inserted one of these names after our update missed it; now the update finds it.
            saveOnce(section, copy);
        }
        db.force();
    }

    private void saveOnce(String section, Map<String, String> values) {
        db.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(UPDATE);
                    PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    update.setString(1, e.getValue());
                    update.setString(2, section);
                    update.setString(3, e.getKey());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, section);
                        insert.setString(2, e.getKey());
                        insert.setString(3, e.getValue());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
