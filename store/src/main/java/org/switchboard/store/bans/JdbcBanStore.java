package org.switchboard.store.bans;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.core.spi.store.BanStore;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.store.Database;

/** {@link BanStore} on the registrar {@link Database}. Blocking; thread-safe. */
public final class JdbcBanStore implements BanStore {
    private static final String INSERT = "INSERT INTO bans (source, since_ms, until_ms, reason) VALUES (?, ?, ?, ?)";
    /** The reason column's width. */
    private static final int MAX_REASON = 512;

    private final Database db;

    public JdbcBanStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Ban> load() {
        return db.withConnection(c -> {
            List<Ban> bans = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT source, since_ms, until_ms, reason FROM bans ORDER BY until_ms");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bans.add(new Ban(address(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
            return bans;
        });
    }

    private static InetAddress address(String literal) {
        try {
            // a stored literal, never a name: no lookup happens
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new StoreException("Bad address in the bans table: " + literal, e);
        }
    }

    @Override
    public void save(Ban ban) {
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM bans WHERE source = ?")) {
                delete.setString(1, ban.source().getHostAddress());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                bind(insert, ban);
                insert.executeUpdate();
            }
            return null;
        });
        db.force();
    }

    private static void bind(PreparedStatement insert, Ban ban) throws SQLException {
        insert.setString(1, ban.source().getHostAddress());
        insert.setLong(2, ban.since().toEpochMilli());
        insert.setLong(3, ban.until().toEpochMilli());
        String reason = ban.reason();
        insert.setString(4, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
    }

    @Override
    public void replaceAll(List<Ban> bans) {
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM bans")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Ban ban : bans) {
                    bind(insert, ban);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean remove(InetAddress source) {
        boolean removed = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bans WHERE source = ?")) {
                ps.setString(1, source.getHostAddress());
                return ps.executeUpdate() > 0;
            }
        });
        db.force();
        return removed;
    }
}
