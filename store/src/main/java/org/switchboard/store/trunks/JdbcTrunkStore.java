package org.switchboard.store.trunks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.spi.store.StoredTrunk;
import org.switchboard.core.spi.store.TrunkRegistration;
import org.switchboard.core.spi.store.TrunkStore;
import org.switchboard.store.Database;

/** {@link TrunkStore} on the {@link Database}. Blocking; thread-safe. */
public final class JdbcTrunkStore implements TrunkStore {
    private static final String TRUNK_COLUMNS = "trunk_name, sip_domain, host, port, transport, username, password,"
            + " realm, outbound_proxy, from_user, identity, registers, expiry";
    private static final String REGISTRATION_COLUMNS = "trunk_name, call_id, cseq, state, reason, next_attempt_ms,"
            + " expires_at_ms";

    private final Database db;

    public JdbcTrunkStore(Database db) {
        this.db = db;
    }

    @Override
    public List<StoredTrunk> trunks() {
        return db.withConnection(c -> {
            List<StoredTrunk> trunks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TRUNK_COLUMNS + " FROM trunks ORDER BY trunk_name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trunks.add(new StoredTrunk(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getInt(13)));
                }
            }
            return trunks;
        });
    }

    @Override
    public void saveTrunk(StoredTrunk t) {
        db.inTransaction(c -> {
            delete(c, "DELETE FROM trunks WHERE trunk_name = ?", t.name());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trunks (" + TRUNK_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.name());
                ps.setString(2, t.domain());
                ps.setString(3, t.host());
                ps.setInt(4, t.port());
                ps.setString(5, t.transport());
                ps.setString(6, t.username());
                ps.setString(7, t.password());
                ps.setString(8, t.realm());
                ps.setString(9, t.outboundProxy());
                ps.setString(10, t.fromUser());
                ps.setString(11, t.identity());
                ps.setBoolean(12, t.register());
                ps.setInt(13, t.expiry());
                ps.executeUpdate();
            }
            return true;
        });
        db.force();
    }

    @Override
    public boolean removeTrunk(String name) {
        boolean removed = db.inTransaction(c -> {
            delete(c, "DELETE FROM trunk_registrations WHERE trunk_name = ?", name);
            return delete(c, "DELETE FROM trunks WHERE trunk_name = ?", name);
        });
        db.force();
        return removed;
    }

    @Override
    public List<TrunkRegistration> registrations() {
        return db.withConnection(c -> {
            List<TrunkRegistration> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REGISTRATION_COLUMNS
                    + " FROM trunk_registrations ORDER BY trunk_name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(registration(rs));
                }
            }
            return all;
        });
    }

    @Override
    public Optional<TrunkRegistration> registration(String trunk) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REGISTRATION_COLUMNS
                    + " FROM trunk_registrations WHERE trunk_name = ?")) {
                ps.setString(1, trunk);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(registration(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveRegistration(TrunkRegistration r) {
        db.inTransaction(c -> {
            delete(c, "DELETE FROM trunk_registrations WHERE trunk_name = ?", r.trunk());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trunk_registrations (" + REGISTRATION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.trunk());
                ps.setString(2, r.callId());
                ps.setLong(3, r.cseq());
                ps.setString(4, r.state());
                ps.setString(5, r.reason());
                setInstant(ps, 6, r.nextAttempt());
                setInstant(ps, 7, r.expiresAt());
                ps.executeUpdate();
            }
            return true;
        });
        db.force();
    }

    private static TrunkRegistration registration(ResultSet rs) throws SQLException {
        return new TrunkRegistration(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), instant(rs, 6), instant(rs, 7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, at.toEpochMilli());
        }
    }

    private static boolean delete(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
        }
    }
}
