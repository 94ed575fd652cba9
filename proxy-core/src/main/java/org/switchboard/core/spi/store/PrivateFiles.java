package org.switchboard.core.spi.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the data directory and what Switchboard puts in it readable by its owner only, whoever
 * creates them — the server or an admin command: directories 700, files 600, since they hold the user
 * database, the password key and the registrations. Java cannot set the process umask, so a file that
 * a library creates (the H2 database) is restricted right after it appears; its 700 directory keeps
 * others out in that instant. What exists already is left as the admin set it. On a file system
 * without POSIX permissions nothing is restricted. Stateless; every method blocks (file system).
 */
public final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} as 700 if it does not exist (missing parents get the system's usual
     * permissions) and checks that it is a writable directory. An existing directory is kept as is.
     *
     * @throws IOException with a one-line message naming the directory and the reason
     */
    public static void prepareDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createDirectory(dir, ownerOnly(parent == null ? dir : parent, DIRECTORY));
            } catch (FileSystemException e) {
                throw new IOException("cannot create data directory " + dir + ": " + describe(e), e);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("data directory " + dir + " is not writable");
        }
    }

    /** Creates the subdirectory {@code dir} of a data directory as 700 unless it exists. */
    public static void createSubdirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            try {
                Files.createDirectory(dir, ownerOnly(parent, DIRECTORY));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
        }
    }

    /** The attributes that create a file readable by its owner only in {@code dir}, where it has them. */
    public static FileAttribute<?>[] ownerOnlyFile(Path dir) {
        return ownerOnly(dir, FILE);
    }

    /**
     * Restricts a file Switchboard just had a library create to its owner (600). A failure is logged,
     * never thrown: the data directory's 700 still protects it.
     */
    public static void restrictNewFile(Path file) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && isPosix(file)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot restrict {} to its owner: {}", file, e.toString());
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir, Set<PosixFilePermission> permissions) {
        return isPosix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        try {
            return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return path.getFileSystem().supportedFileAttributeViews().contains("posix");
        }
    }

    private static String describe(FileSystemException e) {
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + " exists and is not a directory";
        }
        String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        return e.getFile() != null ? reason + " (" + e.getFile() + ")" : reason;
    }
}
