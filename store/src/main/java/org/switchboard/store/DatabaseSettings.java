package org.switchboard.store;

import org.switchboard.core.spi.store.StoreException;

/**
 * Which database the server and the admin commands use: the embedded H2 file in the data
 * directory ({@link #EMBEDDED}), or the database at a JDBC URL, e.g. a PostgreSQL that several
 * servers share. {@link #toString} never shows the password. Immutable.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL, or {@code null} for the
 *     embedded H2 file
 * @param user the user, or {@code null} for the one in the URL (or none)
 * @param password the password, or {@code null} for the one in the URL (or none)
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {
    /** The embedded H2 file in the data directory. */
    public static final DatabaseSettings EMBEDDED = new DatabaseSettings(null, null, null);

    /**
     * @throws IllegalArgumentException if a user or password is given without a URL (they would be
     *     ignored), or the URL is not one of a supported database
     */
    public DatabaseSettings {
        if (jdbcUrl == null && (user != null || password != null)) {
            throw new IllegalArgumentException("--database-user and --database-password need --database-url;"
                    + " the embedded database takes none");
        }
        if (jdbcUrl != null) {
            try {
                DatabaseKind.of(jdbcUrl);
            } catch (StoreException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** Whether this is the embedded H2 file in the data directory. */
    public boolean embedded() {
        return jdbcUrl == null;
    }

    @Override
    public String toString() {
        return embedded() ? "embedded H2 in the data directory"
                : DatabaseKind.redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }
}
