package org.switchboard.store.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.spi.store.AdminAccount;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.store.Database;

/** {@link AdminStore} on the server's {@link Database}, table {@code admin_accounts}. Blocking; thread-safe. */
public final class JdbcAdminStore implements AdminStore {
    /** SQL state of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "username, password_hash, role, domain_name, created_ms";
    private static final String INSERT = "INSERT INTO admin_accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";

    private final Database db;

    public JdbcAdminStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean add(AdminAccount account) {
        try {
            db.withConnection(c -> insert(c, account));
        } catch (StoreException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
        db.force();
        return true;
    }

    @Override
    public boolean addFirst(AdminAccount account) {
        boolean added;
        try {
            added = db.inTransaction(c -> {
                try (PreparedStatement claim = c.prepareStatement("INSERT INTO admin_setup (id) VALUES (1)")) {
                    claim.executeUpdate();
                }
                if (countOn(c) > 0) {
                    c.rollback();
                    return false;
                }
                return insert(c, account);
            });
        } catch (StoreException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
        db.force();
        return added;
    }

    private static boolean insert(Connection c, AdminAccount account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, account.username());
            ps.setString(2, account.passwordHash());
            ps.setString(3, account.role().name());
            ps.setString(4, account.domain());
            ps.setLong(5, account.created().toEpochMilli());
            ps.executeUpdate();
        }
        return true;
    }

    private static boolean isUniqueViolation(StoreException e) {
        return e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    @Override
    public Optional<AdminAccount> find(String username) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM admin_accounts WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<AdminAccount> list() {
        return db.withConnection(c -> {
            List<AdminAccount> accounts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM admin_accounts ORDER BY username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(account(rs));
                }
            }
            return accounts;
        });
    }

    @Override
    public int count() {
        return db.withConnection(JdbcAdminStore::countOn);
    }

    private static int countOn(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM admin_accounts");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static AdminAccount account(ResultSet rs) throws SQLException {
        return new AdminAccount(rs.getString(1), rs.getString(2), AdminRole.valueOf(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
