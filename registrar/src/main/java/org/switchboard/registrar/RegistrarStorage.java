package org.switchboard.registrar;

import java.nio.file.Path;
import java.util.Objects;
import org.switchboard.registrar.db.Database;
import org.switchboard.registrar.directory.PasswordVault;

/**
 * Where the registrar keeps its data: the database (JDBC URL and credentials) and the key file of
 * the {@link PasswordVault}, which must stay out of the database. Immutable.
 */
public record RegistrarStorage(String jdbcUrl, String user, String password, Path keyFile) {
    /** The password key file's name in the data directory. */
    public static final String KEY_FILE = "sip-passwords.key";

    public RegistrarStorage {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** The embedded default: the H2 file {@code switchboard.mv.db} and the key file in {@code dataDir}. */
    public static RegistrarStorage inDataDir(Path dataDir) {
        return new RegistrarStorage(Database.h2FileUrl(dataDir), "sa", "", dataDir.resolve(KEY_FILE));
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
        return "RegistrarStorage[" + jdbcUrl + ", user " + user + ", key file " + keyFile + "]";
    }
}
