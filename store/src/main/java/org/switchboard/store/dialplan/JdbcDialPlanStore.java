package org.switchboard.store.dialplan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.store.Database;
import org.switchboard.store.SqlWork;

/**
 * {@link DialPlanStore} on the {@link Database}. Each change and the increase of the revision are
 * one transaction, so a server that sees the new revision reads the change too. Blocking;
 * thread-safe.
 */
public final class JdbcDialPlanStore implements DialPlanStore {
    private static final String BUMP = "UPDATE dialplan_revision SET revision = revision + 1 WHERE id = 1";

    private final Database db;

    public JdbcDialPlanStore(Database db) {
        this.db = db;
    }

    @Override
    public List<DialRule> rules() {
        return db.withConnection(c -> {
            List<DialRule> rules = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sip_domain, rule_priority, rule_name, caller_cond,"
                    + " callee, schedule_name, rule_action, rewrite FROM dialplan_rules"
                    + " ORDER BY sip_domain, rule_priority, rule_name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(new DialRule(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return rules;
        });
    }

    @Override
    public void saveRule(DialRule rule) {
        String domain = rule.domain().toLowerCase(Locale.ROOT);
        change(c -> {
            delete(c, "DELETE FROM dialplan_rules WHERE sip_domain = ? AND rule_name = ?", domain, rule.name());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dialplan_rules (sip_domain, rule_name,"
                    + " rule_priority, caller_cond, callee, schedule_name, rule_action, rewrite)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, domain);
                ps.setString(2, rule.name());
                ps.setInt(3, rule.priority());
                ps.setString(4, rule.caller());
                ps.setString(5, rule.callee());
                ps.setString(6, rule.schedule());
                ps.setString(7, rule.action());
                ps.setString(8, rule.rewrite());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean removeRule(String domain, String name) {
        return change(c -> delete(c, "DELETE FROM dialplan_rules WHERE sip_domain = ? AND rule_name = ?",
                domain.toLowerCase(Locale.ROOT), name));
    }

    @Override
    public List<DialSchedule> schedules() {
        return db.withConnection(c -> {
            List<DialSchedule> schedules = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT schedule_name, spec FROM dialplan_schedules ORDER BY schedule_name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    schedules.add(new DialSchedule(rs.getString(1), rs.getString(2)));
                }
            }
            return schedules;
        });
    }

    @Override
    public void saveSchedule(DialSchedule schedule) {
        change(c -> {
            delete(c, "DELETE FROM dialplan_schedules WHERE schedule_name = ?", schedule.name());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dialplan_schedules (schedule_name, spec) VALUES (?, ?)")) {
                ps.setString(1, schedule.name());
                ps.setString(2, schedule.spec());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean removeSchedule(String name) {
        return change(c -> delete(c, "DELETE FROM dialplan_schedules WHERE schedule_name = ?", name));
    }

    @Override
    public Map<AddressOfRecord, String> permissionClasses() {
        return db.withConnection(c -> {
            Map<AddressOfRecord, String> classes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT sip_domain, user_name, permission_class FROM dialplan_classes");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    classes.put(new AddressOfRecord(rs.getString(2), rs.getString(1)), rs.getString(3));
                }
            }
            return classes;
        });
    }

    @Override
    public void setPermissionClass(AddressOfRecord user, String permissionClass) {
        change(c -> {
            boolean had = delete(c, "DELETE FROM dialplan_classes WHERE sip_domain = ? AND user_name = ?",
                    user.host(), user.user());
            if (permissionClass == null) {
                return had;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dialplan_classes (sip_domain, user_name, permission_class) VALUES (?, ?, ?)")) {
                ps.setString(1, user.host());
                ps.setString(2, user.user());
                ps.setString(3, permissionClass);
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Map<String, String> options() {
        return db.withConnection(c -> {
            Map<String, String> options = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT option_name, option_value FROM dialplan_options");
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
            boolean had = delete(c, "DELETE FROM dialplan_options WHERE option_name = ?", name);
            if (value == null) {
                return had;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dialplan_options (option_name, option_value) VALUES (?, ?)")) {
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
            try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM dialplan_revision WHERE id = 1");
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

    private static boolean delete(Connection c, String sql, String... keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                ps.setString(i + 1, keys[i]);
            }
            return ps.executeUpdate() > 0;
        }
    }
}
