package org.switchboard.store.admin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.spi.store.ApiToken;
import org.switchboard.core.spi.store.ApiTokenStore;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.store.Database;

/** {@link ApiTokenStore} on the server's {@link Database}, table {@code api_tokens}. Blocking; thread-safe. */
public final class JdbcApiTokenStore implements ApiTokenStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "name, token_hash, created_ms";

    private final Database db;

    public JdbcApiTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean add(ApiToken token) {
        try {
            db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO api_tokens (" + COLUMNS + ") VALUES (?, ?, ?)")) {
                    ps.setString(1, token.name());
                    ps.setString(2, token.tokenHash());
                    ps.setLong(3, token.created().toEpochMilli());
                    return ps.executeUpdate();
                }
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
        db.force();
        return true;
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiToken> list() {
        return db.withConnection(c -> {
            List<ApiToken> tokens = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tokens.add(token(rs));
                }
            }
            return tokens;
        });
    }

    @Override
    public boolean remove(String name) {
        int removed = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_tokens WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
        db.force();
        return removed > 0;
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)));
    }
}
