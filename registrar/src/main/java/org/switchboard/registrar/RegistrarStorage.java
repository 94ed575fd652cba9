package org.switchboard.registrar;

import java.nio.file.Path;
import java.util.Objects;
import org.switchboard.registrar.db.Database;
import org.switchboard.registrar.directory.PasswordVault;

/**
 * Where the registrar keeps its data: the database (JDBC URL and credentials), the key file of the
 * {@link PasswordVault}, which must stay out of the database, and the directory of the
 * registration journal. Immutable.
 *
 * @param journalDir where binding changes are journaled before the database is written behind
 *     ({@link org.switchboard.registrar.binding.JournaledBindingStore}), or {@code null} to commit
 *     every batch of changes to the database durably
 */
public record RegistrarStorage(String jdbcUrl, String user, String password, Path keyFile, Path journalDir) {
    /** The password key file's name in the data directory. */
    public static final String KEY_FILE = "sip-passwords.key";

    public RegistrarStorage {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** The journal directory's name in the data directory. */
    public static final String JOURNAL_DIR = "journal";

    /**
     * The embedded default: the H2 file {@code switchboard.mv.db}, the key file and the journal in
     * {@code dataDir}.
     */
    public static RegistrarStorage inDataDir(Path dataDir) {
        return new RegistrarStorage(Database.h2FileUrl(dataDir), "sa", "", dataDir.resolve(KEY_FILE),
                dataDir.resolve(JOURNAL_DIR));
    }

    /** Opens and migrates the database. Blocks. */
    public Database openDatabase(int poolSize) {
        return Database.open(jdbcUrl, user, password, poolSize);
    }

    /** Opens the password vault, creating its key file on first use. Blocks. */
    public PasswordVault openVault() {
        return PasswordVault.open(keyFile);
    }

    @Override
    public String toString() {
        return "RegistrarStorage[" + jdbcUrl + ", user " + user + ", key file " + keyFile + ", journal "
                + journalDir + "]";
    }
}
