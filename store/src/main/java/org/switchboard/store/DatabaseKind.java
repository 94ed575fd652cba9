package org.switchboard.store;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.core.spi.store.StoreException;

/**
 * The databases Switchboard runs on, told apart by their JDBC URL, and what each needs beyond
 * portable SQL. Immutable.
 */
public enum DatabaseKind {
    /** Embedded H2 (the default, a file in the data directory), or an H2 server. */
    H2("jdbc:h2:"),
    /** PostgreSQL, which several servers of a farm may share. */
    POSTGRESQL("jdbc:postgresql:");

    /** A password in the URL's parameters ({@code ?password=x}, {@code ;PASSWORD=x}). */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    /** A password in the URL's authority ({@code //user:x@host}). */
    private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private final String prefix;

    DatabaseKind(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The kind of database {@code jdbcUrl} points at.
     *
     * @throws StoreException if it is neither H2 nor PostgreSQL
     */
    public static DatabaseKind of(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (lower.startsWith(kind.prefix)) {
                return kind;
            }
        }
        throw new StoreException("Unsupported database URL " + redact(jdbcUrl)
                + ": give jdbc:postgresql://HOST[:PORT]/DATABASE, or no URL for the embedded H2 file in the"
                + " data directory", null);
    }

    /** {@code jdbcUrl} with any password in it replaced by {@code ***}, for logs and messages. */
    public static String redact(String jdbcUrl) {
        String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return PASSWORD_IN_AUTHORITY.matcher(masked).replaceAll("$1***@");
    }

    /**
     * SQL each new connection runs first, if any. On PostgreSQL, a server configured with {@code
     * synchronous_commit = off} acknowledges commits before their WAL is on disk; our sessions turn it
     * back on so that a registration is durable before its 200 OK (RFC 3261 §10.3 step 8). Stronger
     * settings an admin chose ({@code remote_apply} for a synchronous standby) stay as they are.
     */
    Optional<String> connectionInitSql() {
        return this == POSTGRESQL
                ? Optional.of("SELECT set_config('synchronous_commit', 'on', false)"
                        + " WHERE current_setting('synchronous_commit') = 'off'")
                : Optional.empty();
    }

    /**
     * Whether {@code jdbcUrl} is an H2 database file opened in this process ({@code jdbc:h2:file:}, or
     * {@code jdbc:h2:} and a path), not one in memory or behind an H2 server.
     */
    boolean embeddedFile(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return this == H2 && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }

    /**
     * Whether a commit must be followed by {@code CHECKPOINT SYNC} to be durable: H2 on a file (not
     * {@code jdbc:h2:mem:}), which defers and never forces its writes.
     */
    boolean syncAfterCommit(String jdbcUrl) {
        return this == H2 && !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:");
    }
}
