package org.switchboard.store.accounts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryException.Reason;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.DomainStore;
import org.switchboard.store.Database;

/** {@link DomainStore} on the registrar {@link Database} (portable SQL). Blocking; thread-safe. */
public final class JdbcDomainStore implements DomainStore {
    private final Database db;

    public JdbcDomainStore(Database db) {
        this.db = db;
    }

    @Override
    public void add(Domain domain) {
        db.inTransaction(c -> {
            if (JdbcUserStore.domainExists(c, domain.name())) {
                throw new DirectoryException(Reason.DUPLICATE_DOMAIN, "Domain " + domain.name() + " already exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO domains (name) VALUES (?)")) {
                ps.setString(1, domain.name());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean remove(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE domain = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int users = rs.getInt(1);
                    if (users > 0) {
                        throw new DirectoryException(Reason.DOMAIN_IN_USE,
                                "Domain " + name + " still has " + users + " users; remove them first");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM domains WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean exists(String name) {
        return db.withConnection(c -> JdbcUserStore.domainExists(c, name));
    }

    @Override
    public List<Domain> list() {
        return db.withConnection(c -> {
            List<Domain> domains = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM domains ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    domains.add(new Domain(rs.getString(1)));
                }
            }
            return domains;
        });
    }
}
