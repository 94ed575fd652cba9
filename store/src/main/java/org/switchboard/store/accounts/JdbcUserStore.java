package org.switchboard.store.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryException.Reason;
import org.switchboard.core.spi.store.StoredUser;
import org.switchboard.core.spi.store.User;
import org.switchboard.core.spi.store.UserStore;
import org.switchboard.store.Database;

/** {@link UserStore} on the registrar {@link Database} (portable SQL). Blocking; thread-safe. */
public final class JdbcUserStore implements UserStore {
    private static final String INSERT = "INSERT INTO users (domain, name, display_name, enabled, password_enc,"
            + " ha1_md5, ha1_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT domain, name, display_name, enabled, password_enc, ha1_md5,"
            + " ha1_sha256 FROM users";
    private static final int BATCH = 1000;

    private final Database db;

    public JdbcUserStore(Database db) {
        this.db = db;
    }

    static boolean domainExists(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM domains WHERE name = ?")) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void add(StoredUser user) {
        addAll(List.of(user));
    }

    @Override
    public int addAll(Collection<StoredUser> users) {
        return db.inTransaction(c -> {
            checkNew(c, users);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                int pending = 0;
                for (StoredUser u : users) {
                    ps.setString(1, u.user().domain());
                    ps.setString(2, u.user().name());
                    ps.setString(3, u.user().displayName());
                    ps.setBoolean(4, u.user().enabled());
                    ps.setString(5, u.encryptedPassword());
                    ps.setString(6, u.ha1Md5());
                    ps.setString(7, u.ha1Sha256());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            return users.size();
        });
    }

    private void checkNew(Connection c, Collection<StoredUser> users) throws SQLException {
        Map<String, Set<String>> existing = new HashMap<>();
        for (StoredUser u : users) {
            String domain = u.user().domain();
            Set<String> names = existing.get(domain);
            if (names == null) {
                if (!domainExists(c, domain)) {
                    throw new DirectoryException(Reason.UNKNOWN_DOMAIN, "Domain " + domain + " does not exist");
                }
                names = names(c, domain);
                existing.put(domain, names);
            }
            if (!names.add(u.user().name())) {
                throw new DirectoryException(Reason.DUPLICATE_USER, "User " + u.user().name() + '@' + domain
                        + " already exists");
            }
        }
    }

    @Override
    public Optional<StoredUser> find(String domain, String name) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE domain = ? AND name = ?")) {
                ps.setString(1, domain);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedUser(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void forEachUser(Consumer<StoredUser> action) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(storedUser(rs));
                }
            }
            return null;
        });
    }

    private static StoredUser storedUser(ResultSet rs) throws SQLException {
        User user = new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
        return new StoredUser(user, rs.getString(5), rs.getString(6), rs.getString(7));
    }

    @Override
    public List<User> list(String domain) {
        return db.withConnection(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT domain, name, display_name, enabled FROM users WHERE domain = ? ORDER BY name")) {
                ps.setString(1, domain);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.add(new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                    }
                }
            }
            return users;
        });
    }

    @Override
    public Set<String> names(String domain) {
        return db.withConnection(c -> names(c, domain));
    }

    private static Set<String> names(Connection c, String domain) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM users WHERE domain = ?")) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public boolean updateSecrets(String domain, String name, String encryptedPassword, String ha1Md5,
            String ha1Sha256) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET password_enc = ?, ha1_md5 = ?, ha1_sha256 = ? WHERE domain = ? AND name = ?")) {
                ps.setString(1, encryptedPassword);
                ps.setString(2, ha1Md5);
                ps.setString(3, ha1Sha256);
                ps.setString(4, domain);
                ps.setString(5, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean update(User user) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET display_name = ?, enabled = ? WHERE domain = ? AND name = ?")) {
                ps.setString(1, user.displayName());
                ps.setBoolean(2, user.enabled());
                ps.setString(3, user.domain());
                ps.setString(4, user.name());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean remove(String domain, String name) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE domain = ? AND name = ?")) {
                ps.setString(1, domain);
                ps.setString(2, name);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
