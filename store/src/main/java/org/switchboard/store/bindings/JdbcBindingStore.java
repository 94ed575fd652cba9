package org.switchboard.store.bindings;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.store.Database;

/**
 * {@link BindingStore} on the registrar {@link Database}. An upsert is an update, and an insert where
 * no row was updated, in the same transaction, batched, so the SQL stays portable (no
 * dialect-specific MERGE). Blocking; thread-safe.
 */
public final class JdbcBindingStore implements BindingStore {
    private static final String COLUMNS = "aor, binding_key, contact_uri, q_thousandths, expires_at, call_id, cseq,"
            + " path, instance_id, reg_id, transport, local_address, local_port, remote_address, remote_port,"
            + " connection_id, user_agent, reach";

    private static final String INSERT = "INSERT INTO bindings (contact_uri, q_thousandths, expires_at, call_id, cseq,"
            + " path, instance_id, reg_id, transport, local_address, local_port, remote_address, remote_port,"
            + " connection_id, user_agent, reach, aor, binding_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE bindings SET contact_uri = ?, q_thousandths = ?, expires_at = ?,"
            + " call_id = ?, cseq = ?, path = ?, instance_id = ?, reg_id = ?, transport = ?, local_address = ?,"
            + " local_port = ?, remote_address = ?, remote_port = ?, connection_id = ?, user_agent = ?, reach = ?"
            + " WHERE aor = ? AND binding_key = ?";

    private final Database db;

    public JdbcBindingStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Binding> loadAll() {
        return db.withConnection(c -> {
            List<Binding> bindings = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bindings ORDER BY aor");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bindings.add(read(rs));
                }
            }
            return bindings;
        });
    }

    private static Binding read(ResultSet rs) throws SQLException {
        String path = rs.getString(8);
        Flow flow = new Flow(Transport.valueOf(rs.getString(11)), socket(rs.getString(12), rs.getInt(13)),
                socket(rs.getString(14), rs.getInt(15)), rs.getLong(16));
        return new Binding(AddressOfRecord.parse(rs.getString(1)), rs.getString(3), rs.getInt(4) / 1000.0,
                Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getLong(7),
                path.isEmpty() ? List.of() : List.of(path.split("\n")), rs.getString(9), rs.getInt(10), flow,
                rs.getString(17), Reach.valueOf(rs.getString(18)));
    }

    private static InetSocketAddress socket(String literal, int port) {
        try {
            // stored from getHostAddress(), so this parses a literal and never resolves a name
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new StoreException("Bad address in stored binding: " + literal, e);
        }
    }

    @Override
    public void apply(List<BindingChanges> changes) {
        if (writeChanges(changes)) {
            db.force();
        }
    }

    @Override
    public void applyUnforced(List<BindingChanges> changes) {
        writeChanges(changes);
    }

    @Override
    public void force() {
        db.force();
    }

    /** Commits the final state of each binding {@code changes} touch; returns whether there was any. */
    private boolean writeChanges(List<BindingChanges> changes) {
        Map<List<String>, Binding> finalState = new LinkedHashMap<>();
        for (BindingChanges change : changes) {
            for (Binding b : change.removals()) {
                finalState.put(List.of(b.aor().toString(), b.key()), null);
            }
            for (Binding b : change.upserts()) {
                finalState.put(List.of(b.aor().toString(), b.key()), b);
            }
        }
        if (finalState.isEmpty()) {
            return false;
        }
        db.inTransaction(c -> {
            List<Binding> upserts = new ArrayList<>();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM bindings WHERE aor = ? AND binding_key = ?")) {
                for (var e : finalState.entrySet()) {
                    if (e.getValue() == null) {
                        delete.setString(1, e.getKey().get(0));
                        delete.setString(2, e.getKey().get(1));
                        delete.addBatch();
                    } else {
                        upserts.add(e.getValue());
                    }
                }
                delete.executeBatch();
            }
            if (upserts.isEmpty()) {
                return null;
            }
            // a refresh updates the row in place, which leaves the primary key index alone
            int[] updated;
            try (PreparedStatement update = c.prepareStatement(UPDATE)) {
                for (Binding b : upserts) {
                    write(update, b);
                    update.addBatch();
                }
                updated = update.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (int i = 0; i < upserts.size(); i++) {
                    if (updated[i] == 0) {
                        write(insert, upserts.get(i));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
        return true;
    }

    /** Sets the parameters of {@link #INSERT} and {@link #UPDATE}: the key columns come last. */
    private static void write(PreparedStatement ps, Binding b) throws SQLException {
        ps.setString(1, b.contactUri());
        ps.setInt(2, (int) Math.round(b.q() * 1000));
        ps.setLong(3, b.expiresAt().toEpochMilli());
        ps.setString(4, b.callId());
        ps.setLong(5, b.cseq());
        ps.setString(6, String.join("\n", b.path()));
        if (b.instanceId() == null) {
            ps.setNull(7, Types.VARCHAR);
        } else {
            ps.setString(7, b.instanceId());
        }
        ps.setInt(8, b.regId());
        ps.setString(9, b.flow().transport().name());
        ps.setString(10, b.flow().local().getAddress().getHostAddress());
        ps.setInt(11, b.flow().local().getPort());
        ps.setString(12, b.flow().remote().getAddress().getHostAddress());
        ps.setInt(13, b.flow().remote().getPort());
        ps.setLong(14, b.flow().connectionId());
        if (b.userAgent() == null) {
            ps.setNull(15, Types.VARCHAR);
        } else {
            ps.setString(15, b.userAgent());
        }
        ps.setString(16, b.reach().name());
        ps.setString(17, b.aor().toString());
        ps.setString(18, b.key());
    }
}
