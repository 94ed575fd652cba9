package org.switchboard.pnp.token;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key for {@link ProvisioningTokens}, kept in {@code <data-dir>/pnp-token.key}. The first
 * start creates it with random bytes, readable and writable by the owner only, written to a
 * temporary file and moved into place so that a crash never leaves a partial key. A key that
 * others can read is used but reported, since anyone who reads it can mint tokens.
 *
 * <p>Call once at start-up, before serving; not meant for concurrent use.
 */
public final class TokenKeyFile {
    /** The key file's name inside the data directory. */
    public static final String FILE_NAME = "pnp-token.key";

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TokenKeyFile() {
    }

    /**
     * Reads the key from {@code dataDir}, creating it on first use.
     *
     * @throws IOException if the file cannot be read or written, or holds fewer than
     *     {@link ProvisioningTokens#MIN_KEY_BYTES} bytes
     */
    public static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(dataDir, file);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length < ProvisioningTokens.MIN_KEY_BYTES) {
            throw new IOException("PnP token key " + file + " holds " + key.length + " bytes, need at least "
                    + ProvisioningTokens.MIN_KEY_BYTES + "; delete it to have a new one made (issued URLs then stop working)");
        }
        warnIfShared(file);
        return key;
    }

    private static void create(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        byte[] key = new byte[ProvisioningTokens.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        boolean posix = isPosix(dataDir);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp", attributes);
        try {
            if (!posix) {
                restrictToOwner(temp);
            }
            Files.write(temp, key);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            LOG.info("PnP: created token key {} (owner-only access)", file);
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("PnP: token key {} appeared meanwhile; using it", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrictToOwner(Path file) throws IOException {
        File f = file.toFile();
        boolean ok = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!ok) {
            throw new IOException("Cannot restrict access to " + file + " to its owner");
        }
    }

    private static void warnIfShared(Path file) throws IOException {
        if (!isPosix(file.getParent())) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        permissions.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        if (!permissions.isEmpty()) {
            LOG.warn("PnP: token key {} is accessible to others ({}); anyone who can read it can fetch any phone's "
                    + "settings. Run: chmod 600 on it", file, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }
}
