package org.switchboard.server.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.store.Database;

/**
 * Where the server keeps its data: the database (JDBC URL and credentials), the key file of the
 * {@link PasswordVault}, which must stay out of the database, and the directory of the
 * registration journal. Immutable.
 *
 * @param journalDir where binding changes are journaled before the database is written behind
 *     ({@link org.switchboard.registrar.Persistence#JOURNAL}), or {@code null} for no journal
 * @param dataDir the data directory holding the embedded database, created owner-only if missing,
 *     and where admin commands leave requests for the running server ({@link #banLiftDir()}); or
 *     {@code null} for a database elsewhere (tests, PostgreSQL)
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
    /** The embedded database's file in the data directory. */
    private static final String H2_FILE = "switchboard.mv.db";

    /**
     * The embedded default: the H2 file {@code switchboard.mv.db}, the key file and the journal in
     * {@code dataDir}.
     */
    public static Storage inDataDir(Path dataDir) {
        return new Storage(Database.h2FileUrl(dataDir), "sa", "", dataDir.resolve(KEY_FILE),
                dataDir.resolve(JOURNAL_DIR), dataDir);
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
        boolean isNew = !Files.exists(file);
        Database database = Database.open(jdbcUrl, user, password, poolSize);
        if (isNew) {
            PrivateFiles.restrictNewFile(file);
        }
        return database;
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
        return "Storage[" + jdbcUrl + ", user " + user + ", key file " + keyFile + ", journal "
                + journalDir + "]";
    }
}
