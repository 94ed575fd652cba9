package org.switchboard.store.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.spi.store.CallFeatureStore;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.store.Database;
import org.switchboard.store.SqlWork;

/**
 * {@link CallFeatureStore} on the {@link Database}. Each change and the increase of the revision are
 * one transaction, so a server that sees the new revision reads the change too. Blocking;
 * thread-safe.
 */
public final class JdbcCallFeatureStore implements CallFeatureStore {
    private static final String BUMP = "UPDATE feature_revision SET revision = revision + 1 WHERE id = 1";

    private static final String SELECT_USERS = "SELECT sip_domain, user_name, forward_always, forward_busy,"
            + " forward_no_answer, no_answer_seconds, do_not_disturb, follow_me FROM feature_users";

    private final Database db;

    public JdbcCallFeatureStore(Database db) {
        this.db = db;
    }

    @Override
    public List<UserFeatures> userFeatures() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_USERS + " ORDER BY sip_domain, user_name")) {
                return readUsers(ps);
            }
        });
    }

    @Override
    public Optional<UserFeatures> userFeatures(String domain, String user) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_USERS + " WHERE sip_domain = ? AND user_name = ?")) {
                ps.setString(1, domain.toLowerCase(Locale.ROOT));
                ps.setString(2, user);
                return readUsers(ps).stream().findFirst();
            }
        });
    }

    private static List<UserFeatures> readUsers(PreparedStatement ps) throws SQLException {
        List<UserFeatures> all = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int seconds = rs.getInt(6);
                Integer noAnswer = rs.wasNull() ? null : seconds;
                all.add(new UserFeatures(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), noAnswer, rs.getBoolean(7), rs.getString(8)));
            }
        }
        return all;
    }

    @Override
    public void saveUserFeatures(UserFeatures features) {
        String domain = features.domain().toLowerCase(Locale.ROOT);
        change(c -> {
            boolean had = delete(c, "DELETE FROM feature_users WHERE sip_domain = ? AND user_name = ?", domain,
                    features.user());
            if (features.isEmpty()) {
                return had;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feature_users (sip_domain, user_name,"
                    + " forward_always, forward_busy, forward_no_answer, no_answer_seconds, do_not_disturb,"
                    + " follow_me) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, domain);
                ps.setString(2, features.user());
                ps.setString(3, features.forwardAlways());
                ps.setString(4, features.forwardBusy());
                ps.setString(5, features.forwardNoAnswer());
                setInteger(ps, 6, features.noAnswerSeconds());
                ps.setBoolean(7, features.doNotDisturb());
                ps.setString(8, features.followMe());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<HuntGroup> groups() {
        return db.withConnection(c -> {
            List<HuntGroup> groups = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sip_domain, group_name, strategy, ring_seconds,"
                    + " members, fallback FROM feature_groups ORDER BY sip_domain, group_name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int seconds = rs.getInt(4);
                    Integer ring = rs.wasNull() ? null : seconds;
                    groups.add(new HuntGroup(rs.getString(1), rs.getString(2), rs.getString(3), ring,
                            rs.getString(5), rs.getString(6)));
                }
            }
            return groups;
        });
    }

    @Override
    public void saveGroup(HuntGroup group) {
        String domain = group.domain().toLowerCase(Locale.ROOT);
        change(c -> {
            delete(c, "DELETE FROM feature_groups WHERE sip_domain = ? AND group_name = ?", domain, group.name());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feature_groups (sip_domain, group_name,"
                    + " strategy, ring_seconds, members, fallback) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, domain);
                ps.setString(2, group.name());
                ps.setString(3, group.strategy());
                setInteger(ps, 4, group.ringSeconds());
                ps.setString(5, group.members());
                ps.setString(6, group.fallback());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean removeGroup(String domain, String name) {
        return change(c -> delete(c, "DELETE FROM feature_groups WHERE sip_domain = ? AND group_name = ?",
                domain.toLowerCase(Locale.ROOT), name));
    }

    @Override
    public Map<String, String> options() {
        return db.withConnection(c -> {
            Map<String, String> options = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT option_name, option_value FROM feature_options");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    options.put(rs.getString(1), rs.getString(2));
                }
            }
            return options;
        });
    }

    @Override
    public void setOption(String name, String value) {
        change(c -> {
            boolean had = delete(c, "DELETE FROM feature_options WHERE option_name = ?", name);
            if (value == null) {
                return had;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feature_options (option_name, option_value) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public long revision() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM feature_revision WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Runs {@code work} and increases the revision when it changed something, in one transaction. */
    private boolean change(SqlWork<Boolean> work) {
        boolean changed = db.inTransaction(c -> {
            boolean result = work.run(c);
            if (result) {
                try (PreparedStatement ps = c.prepareStatement(BUMP)) {
                    ps.executeUpdate();
                }
            }
            return result;
        });
        db.force();
        return changed;
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static boolean delete(Connection c, String sql, String... keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                ps.setString(i + 1, keys[i]);
            }
            return ps.executeUpdate() > 0;
        }
    }
}
