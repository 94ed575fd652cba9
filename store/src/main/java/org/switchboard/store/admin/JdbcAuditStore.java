package org.switchboard.store.admin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.AuditStore;
import org.switchboard.store.Database;

/**
 * {@link AuditStore} on the server's {@link Database}, table {@code audit_log}. Texts longer than
 * their columns are cut (with a marker) rather than refused: the entry matters more than its tail.
 * Blocking; thread-safe.
 */
public final class JdbcAuditStore implements AuditStore {
    private static final int MAX_SHORT = 64;
    private static final int MAX_OBJECT = 512;
    private static final int MAX_TEXT = 4000;
    private static final String CUT = "…";
    private static final String COLUMNS =
            "at_ms, actor, source, action, domain_name, object_name, before_text, after_text";

    private final Database db;

    public JdbcAuditStore(Database db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, entry.at().toEpochMilli());
                ps.setString(2, cut(entry.actor(), MAX_SHORT));
                ps.setString(3, cut(entry.source(), MAX_SHORT));
                ps.setString(4, cut(entry.action(), MAX_SHORT));
                ps.setString(5, entry.domain());
                ps.setString(6, cut(entry.object(), MAX_OBJECT));
                ps.setString(7, cut(entry.before(), MAX_TEXT));
                ps.setString(8, cut(entry.after(), MAX_TEXT));
                return ps.executeUpdate();
            }
        });
        db.force();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - CUT.length()) + CUT;
    }

    @Override
    public List<AuditEntry> page(String domain, int offset, int limit) {
        String where = domain == null ? "" : " WHERE domain_name = ?";
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log" + where
                    + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = 1;
                if (domain != null) {
                    ps.setString(i++, domain);
                }
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8)));
                    }
                }
                return entries;
            }
        });
    }
}
