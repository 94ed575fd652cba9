package org.switchboard.store.calls;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.CallRecordQuery;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecordStore;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.store.Database;

/**
 * Call records in the {@code call_records} table of the registrar {@link Database}. {@link
 * #saveAll} writes a batch in one transaction; values longer than their column are cut, so one
 * odd URI cannot fail a batch. If a batch still fails, its records are retried one by one and only
 * those that fail again are lost (and logged).
 *
 * <p><b>Threading:</b> every method blocks on the database; call them off the event loops (the
 * server writes through a {@link CallRecordWriter}). Thread-safe.
 */
public final class JdbcCallRecordStore implements CallRecordStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCallRecordStore.class);
    private static final String COLUMNS =
            "call_id, caller, callee, start_at, answer_at, end_at, final_status, hangup_by";
    private static final int CALL_ID_LENGTH = 255;
    private static final int URI_LENGTH = 512;
    /** Rows deleted per statement when pruning, so one prune never builds a huge transaction. */
    static final int DELETE_CHUNK = 10_000;

    private final Database db;

    public JdbcCallRecordStore(Database db) {
        this.db = db;
    }

    /** Stores one record in its own transaction. Blocks. */
    @Override
    public void save(CallRecord record) {
        saveAll(List.of(record));
    }

    /**
     * Stores the records in one transaction; if that fails, one by one.
     *
     * @return how many records were stored
     */
    public int saveAll(List<CallRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        try {
            db.inTransaction(c -> insert(c, records));
            return records.size();
        } catch (StoreException e) {
            if (records.size() == 1) {
                LOG.error("Call record of call {} lost: {}", records.get(0).callId(), e.getMessage());
                return 0;
            }
            LOG.warn("Could not store {} call records together, storing them one by one: {}", records.size(),
                    e.getMessage());
            int stored = 0;
            for (CallRecord record : records) {
                stored += saveAll(List.of(record));
            }
            return stored;
        }
    }

    private static Void insert(Connection c, List<CallRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO call_records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CallRecord r : records) {
                ps.setString(1, cut(r.callId(), CALL_ID_LENGTH));
                ps.setString(2, cut(r.caller(), URI_LENGTH));
                ps.setString(3, cut(r.callee(), URI_LENGTH));
                ps.setLong(4, r.start().toEpochMilli());
                setInstant(ps, 5, r.answer());
                setInstant(ps, 6, r.end());
                ps.setInt(7, r.finalStatus());
                ps.setString(8, r.hangup().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }

    /**
     * The {@code limit} calls that started last, newest first. Blocks.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public List<CallRecord> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The number of calls to list must be positive: " + limit);
        }
        return db.withConnection(c -> {
            List<CallRecord> records = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM call_records ORDER BY start_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(read(rs));
                    }
                }
            }
            return records;
        });
    }

    /**
     * The records {@code query} selects, newest first. Blocks.
     */
    public List<CallRecord> find(CallRecordQuery query) {
        List<Object> values = new ArrayList<>();
        String where = where(query, values);
        return db.withConnection(c -> {
            List<CallRecord> records = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM call_records" + where
                    + " ORDER BY start_at DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
                int next = bind(ps, values);
                ps.setInt(next, query.offset());
                ps.setInt(next + 1, query.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(read(rs));
                    }
                }
            }
            return records;
        });
    }

    /** How many records match {@code query}'s filter, ignoring its offset and limit. Blocks. */
    public long count(CallRecordQuery query) {
        List<Object> values = new ArrayList<>();
        String where = where(query, values);
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM call_records" + where)) {
                bind(ps, values);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The WHERE clause of {@code query}'s filter (or nothing), its values added to {@code values} in order. */
    private static String where(CallRecordQuery query, List<Object> values) {
        List<String> conditions = new ArrayList<>(3);
        if (query.from() != null) {
            conditions.add("start_at >= ?");
            values.add(query.from().toEpochMilli());
        }
        if (query.until() != null) {
            conditions.add("start_at < ?");
            values.add(query.until().toEpochMilli());
        }
        if (query.party() != null) {
            String pattern = "%" + likeEscaped(query.party().toLowerCase(Locale.ROOT)) + "%";
            conditions.add("(LOWER(caller) LIKE ? ESCAPE '\\' OR LOWER(callee) LIKE ? ESCAPE '\\')");
            values.add(pattern);
            values.add(pattern);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** {@code text} matched literally by LIKE: its wildcards and the escape character escaped. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Binds {@code values} from the first parameter on; returns the index of the next parameter. */
    private static int bind(PreparedStatement ps, List<Object> values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            if (value instanceof Long millis) {
                ps.setLong(index++, millis);
            } else {
                ps.setString(index++, (String) value);
            }
        }
        return index;
    }

    private static CallRecord read(ResultSet rs) throws SQLException {
        return new CallRecord(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                instant(rs, 5), instant(rs, 6), rs.getInt(7), CallRecord.Hangup.valueOf(rs.getString(8)));
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        long millis = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * Deletes the records of calls that started before {@code cutoff}, in chunks of {@value
     * #DELETE_CHUNK} rows. Blocks.
     *
     * @return how many records were deleted
     */
    public long deleteStartedBefore(Instant cutoff) {
        long deleted = 0;
        int chunk;
        do {
            chunk = db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM call_records WHERE id IN (SELECT id FROM"
                        + " call_records WHERE start_at < ? ORDER BY start_at FETCH FIRST " + DELETE_CHUNK
                        + " ROWS ONLY)")) {
                    ps.setLong(1, cutoff.toEpochMilli());
                    return ps.executeUpdate();
                }
            });
            deleted += chunk;
        } while (chunk == DELETE_CHUNK);
        return deleted;
    }
}
