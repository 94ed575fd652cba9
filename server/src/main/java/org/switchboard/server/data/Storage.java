package org.switchboard.server.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.store.Database;
import org.switchboard.store.DatabaseKind;
import org.switchboard.store.DatabaseSettings;

/**
 * Where the server keeps its data: the database (JDBC URL and credentials), the key file of the
 * {@link PasswordVault}, which must stay out of the database, and the directory of the
 * registration journal. Immutable.
 *
 * @param journalDir where binding changes are journaled before the database is written behind
 *     ({@link org.switchboard.registrar.Persistence#JOURNAL}), or {@code null} to commit every batch
 *     of changes to the database durably ({@link org.switchboard.registrar.Persistence#WRITE_THROUGH})
 * @param dataDir the data directory, created owner-only if missing, holding the embedded database
 *     unless {@code jdbcUrl} points elsewhere (PostgreSQL), and where admin commands leave requests
 *     for the running server ({@link #banLiftDir()}); or {@code null} in tests
 */
public record Storage(String jdbcUrl, String user, String password, Path keyFile, Path journalDir,
        Path dataDir) {
    /** The password key file's name in the data directory. */
    public static final String KEY_FILE = "sip-passwords.key";

    public Storage {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** The journal directory's name in the data directory. */
    public static final String JOURNAL_DIR = "journal";
    /** The directory, in the data directory, of ban lifts requested while the server runs. */
    public static final String BAN_LIFT_DIR = "ban-lifts";
    /** The file in the data directory that a running server holds locked. */
    public static final String LOCK_FILE = "switchboard.lock";
    /** The embedded database's file in the data directory. */
    private static final String H2_FILE = "switchboard.mv.db";

    /**
     * The embedded default: the H2 file {@code switchboard.mv.db}, the key file and the journal in
     * {@code dataDir}.
     */
    public static Storage inDataDir(Path dataDir) {
        return inDataDir(dataDir, DatabaseSettings.EMBEDDED);
    }

    /**
     * The key file in {@code dataDir}, and the database {@code database} selects: the embedded H2 file
     * in {@code dataDir}, with the registration journal in front of it; or one elsewhere (PostgreSQL),
     * written through without a journal. PostgreSQL has a write-ahead log of its own, so a commit is
     * durable at once and costs one WAL flush, and bindings reach the shared database before their 200
     * OK, where every server of a farm sees them; a local journal would add a second flush and hold
     * them back from the others until written behind.
     */
    public static Storage inDataDir(Path dataDir, DatabaseSettings database) {
        if (database.embedded()) {
            return new Storage(Database.h2FileUrl(dataDir), "sa", "", dataDir.resolve(KEY_FILE),
                    dataDir.resolve(JOURNAL_DIR), dataDir);
        }
        return new Storage(database.jdbcUrl(), database.user(), database.password(),
                dataDir.resolve(KEY_FILE), null, dataDir);
    }

    /**
     * Whether this is the embedded H2 file in the data directory, which admits one process at a time
     * and is backed up by Switchboard itself; otherwise a shared database (PostgreSQL).
     */
    public boolean embedded() {
        return dataDir != null && jdbcUrl.equals(Database.h2FileUrl(dataDir));
    }

    /**
     * Opens and migrates the database; in a data directory, creates the directory (700) and
     * restricts a new database file to its owner (600). Blocks.
     *
     * @throws UncheckedIOException if the data directory cannot be created
     */
    public Database openDatabase(int poolSize) {
        if (dataDir == null) {
            return Database.open(jdbcUrl, user, password, poolSize);
        }
        try {
            PrivateFiles.prepareDirectory(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        Path file = dataDir.resolve(H2_FILE);
        boolean isNew = embedded() && !Files.exists(file);
        Database database = Database.open(jdbcUrl, user, password, poolSize);
        if (isNew) {
            PrivateFiles.restrictNewFile(file);
        }
        return database;
    }

    /**
     * Whether a server runs on this data directory: one holds {@link #LOCK_FILE} locked. Needed where
     * the database does not say so itself: PostgreSQL admits an admin command beside the server,
     * while the embedded database refuses it. Blocks briefly.
     */
    public boolean serverRunning() {
        if (dataDir == null || !Files.exists(dataDir.resolve(LOCK_FILE))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
            try (FileLock lock = channel.tryLock()) {
                return lock == null;
            } catch (OverlappingFileLockException e) {
                // this JVM holds it: a server started in-process
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock file in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Where admin commands leave ban lifts for the running server, or {@code null} without a data directory. */
    public Path banLiftDir() {
        return dataDir == null ? null : dataDir.resolve(BAN_LIFT_DIR);
    }

    /** Opens the password vault, creating its key file on first use. Blocks. */
    public PasswordVault openVault() {
        return PasswordVault.open(keyFile);
    }

    @Override
    public String toString() {
        return "Storage[" + DatabaseKind.redact(jdbcUrl) + ", user " + user + ", key file " + keyFile
                + ", journal " + journalDir + "]";
    }
}
