package org.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.StoreException;

/**
 * A connection pool (HikariCP) on the server's database, with the schema migrated (Flyway, scripts
 * in one folder per owning feature under {@code db/migration} on the class path, {@link
 * #MIGRATIONS}) before {@link #open} returns.
 *
 * <p>H2 is the embedded default ({@link #h2FileUrl}); PostgreSQL is the shared database of a server
 * farm ({@link DatabaseKind}). The same migrations and SQL run on both. <b>Threading:</b> every
 * method blocks (network or disk); call them from a blocking executor, never on an event loop.
 * Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String DATABASE_FILE = "switchboard";
    /**
     * The migrations, one folder per feature that owns the tables. Versions are unique across them
     * and each script keeps the version, description and content it had when it was first applied
     * (Flyway checks all three), so moving a script between folders changes nothing for a database.
     */
    public static final List<String> MIGRATIONS = List.of("classpath:db/migration/accounts",
            "classpath:db/migration/bindings", "classpath:db/migration/bans", "classpath:db/migration/devices",
            "classpath:db/migration/calls", "classpath:db/migration/settings", "classpath:db/migration/webadmin",
            "classpath:db/migration/dialplan", "classpath:db/migration/features", "classpath:db/migration/trunks");

    /**
     * H2 writes a commit to its file only after its write delay (500 ms by default) and never forces
     * it to the disk, so a killed process or a power cut loses commits it acknowledged. {@code
     * CHECKPOINT SYNC} writes the store and forces it (FileChannel.force). PostgreSQL is durable at
     * commit (its WAL is flushed before COMMIT returns) unless synchronous_commit is off, which {@link
     * DatabaseKind#POSTGRESQL} undoes for our sessions, so it needs nothing more.
     */
    private static final String H2_SYNC = "CHECKPOINT SYNC";

    /** The embedded database's page cache, in KB (see {@link #h2FileUrl}). */
    static final int H2_CACHE_KB = 4096;

    private final HikariDataSource pool;
    /** What makes a commit durable, run after it; null when the commit already is. */
    private final String syncAfterCommit;
    /**
     * For an embedded H2 file, the connection that holds the database open from before the pool's
     * first connection until after its last: see {@link #open}. Null for other databases.
     */
    private final Connection embeddedHolder;

    private Database(HikariDataSource pool, String syncAfterCommit, Connection embeddedHolder) {
        this.pool = pool;
        this.syncAfterCommit = syncAfterCommit;
        this.embeddedHolder = embeddedHolder;
    }

    /**
     * The JDBC URL of the embedded H2 database file {@code switchboard.mv.db} in {@code dataDir}. H2
     * writes no trace file of its own ({@code TRACE_LEVEL_FILE=0}): its errors reach us as exceptions,
     * which are logged, and a trace file would be created with the process's default permissions,
     * readable by others, in the owner-only data directory. Its page cache is capped at {@value
     * #H2_CACHE_KB} KB instead of H2's 16 MB: the hot rows (users, bindings) are few and the
     * registrar and accounts keep their own copies in memory, while call records, written once and
     * rarely read, would otherwise leave up to 16 MB of their pages on the heap after a busy hour. It
     * does not compact the file when it closes ({@code MAX_COMPACT_TIME=0}): H2 2.3.232 can lose the
     * last commits in that compaction (h2database issue 4247, fixed after that release), so a
     * database reopened at once showed an older state: tables without the migrations that made them
     * ("Table DOMAINS already exists"), or without rows the last admin command wrote. H2 still
     * compacts in the background while open.
     */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(DATABASE_FILE)
                + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;MAX_COMPACT_TIME=0;CACHE_SIZE=" + H2_CACHE_KB;
    }

    /** The JDBC URL of a private in-memory H2 database that lives until {@link #close()}; for tests. */
    public static String h2MemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * Opens the pool and migrates the schema to the latest version.
     *
     * <p>An embedded H2 file is opened and closed once per {@code Database}, by this thread: H2 opens
     * the file with the first connection in the process and closes it with the last, and the pool
     * opens and closes its connections on threads of its own, in the background. Left to them, the
     * file could be closed while the pool still opened a connection, and that connection would open
     * the file again and close it on its own schedule, after {@link #close} had returned and while
     * the next {@code Database} of the same data directory (the next admin command, a restarted
     * server) opened and migrated it. So one connection of our own holds the database open from
     * before the pool's first connection, and {@link #close} closes it after the pool has closed all
     * of its own: H2 then closes the file on the closing thread, with every commit written, before
     * {@code close} returns. (Another {@code Database} open on the same file in this process keeps it
     * open, as H2 shares one database between them.)
     *
     * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL; credentials may be in it
     * @param user the user, or {@code null} to take it from the URL
     * @param password the password, or {@code null} to take it from the URL
     * @param poolSize the most connections held; match the blocking executor's thread count
     * @throws StoreException if the URL is not one of a supported database, the database cannot be
     *     reached or refuses the credentials, or a migration fails; its message is one line an admin
     *     can act on, without the password
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        DatabaseKind kind = DatabaseKind.of(jdbcUrl);
        String shown = DatabaseKind.redact(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("switchboard-db");
        kind.connectionInitSql().ifPresent(config::setConnectionInitSql);
        Connection holder = null;
        HikariDataSource pool;
        try {
            if (kind.embeddedFile(jdbcUrl)) {
                holder = DriverManager.getConnection(jdbcUrl, credentials(user, password));
            }
            pool = new HikariDataSource(config);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(holder);
            throw new StoreException("Cannot open the database " + shown + ": " + rootMessage(e, jdbcUrl, password),
                    e);
        }
        try {
            var result = Flyway.configure().dataSource(pool).locations(MIGRATIONS.toArray(String[]::new)).load()
                    .migrate();
            LOG.info("Database {} ready at schema version {} ({} migrations applied)", shown,
                    result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            closeQuietly(holder);
            throw new StoreException("Cannot migrate the database schema of " + shown + ": "
                    + rootMessage(e, jdbcUrl, password), e);
        }
        return new Database(pool, kind.syncAfterCommit(jdbcUrl) ? H2_SYNC : null, holder);
    }

    private static Properties credentials(String user, String password) {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return credentials;
    }

    /** Closes {@code holder}, if there is one; as its last connection, this closes the embedded database. */
    private static void closeQuietly(Connection holder) {
        if (holder == null) {
            return;
        }
        try {
            holder.close();
        } catch (SQLException e) {
            LOG.warn("Closing the embedded database failed: {}", e.getMessage());
        }
    }

    /**
     * The driver's own words (the outermost SQLException's message, else the innermost cause's), on
     * one line, with the URL and the password masked: "Connection to 127.0.0.1:5432 refused",
     * "password authentication failed for user ...", without the pool's and Flyway's wrapping.
     */
    private static String rootMessage(Throwable e, String jdbcUrl, String password) {
        Throwable root = e;
        Throwable sql = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (sql == null && t instanceof SQLException) {
                sql = t;
            }
        }
        if (sql != null) {
            root = sql;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.replace(jdbcUrl, DatabaseKind.redact(jdbcUrl));
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "***");
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. Blocks. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Database error: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws (the
     * exception is rethrown, an {@link SQLException} wrapped in {@link StoreException}). Blocks.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Database error: " + e.getMessage(), e);
        }
    }

    /**
     * Puts every commit made so far on stable storage, where it survives a killed process and a power
     * cut (nothing to do for a database that is durable at commit): for changes acknowledged to
     * someone. Blocks.
     */
    public void force() {
        if (syncAfterCommit != null) {
            withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(syncAfterCommit);
                }
                return null;
            });
        }
    }

    /**
     * Closes the pool, then an embedded H2 database (unless another {@code Database} in this process
     * has it open too): when this returns its file holds every commit and is closed. Blocks.
     */
    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            closeQuietly(embeddedHolder);
        }
    }
}
