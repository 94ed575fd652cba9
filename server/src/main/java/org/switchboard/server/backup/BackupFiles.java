package org.switchboard.server.backup;

import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.pnp.token.TokenKeyFile;
import org.switchboard.server.config.ConfigFile;
import org.switchboard.server.data.Storage;
import org.switchboard.server.tls.TlsCredentials;

/** The names of what a backup holds, as files of the data directory and entries of the zip. Stateless. */
final class BackupFiles {
    /** The embedded database. */
    static final String DATABASE = "switchboard.mv.db";
    /** The registration journal's directory, entries {@code journal/<segment>}. */
    static final String JOURNAL = Storage.JOURNAL_DIR;
    /** Files of the data directory copied as they are, where present: the keys and the bootstrap file. */
    static final List<String> PLAIN = List.of(Storage.KEY_FILE, TokenKeyFile.FILE_NAME, ConfigFile.NAME);
    /** The generated TLS certificate's directory, replaced as a whole on restore. */
    static final String TLS = TlsCredentials.FOLDER;
    /**
     * The generated TLS certificate and key, where present, so that a restored server keeps the
     * certificate its phones were told to trust.
     */
    static final List<String> TLS_FILES = List.of(TLS + "/" + TlsCredentials.CERTIFICATE, TLS + "/" + TlsCredentials.KEY);
    private static final Pattern JOURNAL_ENTRY = Pattern.compile(JOURNAL + "/(?!\\.\\.?$)[A-Za-z0-9._-]+");

    private BackupFiles() {
    }

    /**
     * Whether an entry name is one a backup may hold; anything else (a path that would escape the
     * data directory among them) makes a restore refuse the file.
     */
    static boolean allowed(String entry) {
        return entry.equals(BackupManifest.ENTRY) || entry.equals(DATABASE) || PLAIN.contains(entry)
                || TLS_FILES.contains(entry)
                || JOURNAL_ENTRY.matcher(entry).matches();
    }
}
