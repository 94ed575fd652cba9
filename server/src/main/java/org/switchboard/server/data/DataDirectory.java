package org.switchboard.server.data;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes sure a data directory exists and is writable. A directory it creates is readable only by
 * its owner (on POSIX file systems), because it will hold the user database. Stateless and
 * thread-safe.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * Creates the directory (and missing parents) if it does not exist and checks that it is a
     * writable directory.
     *
     * @param dir the data directory
     * @throws IOException with a one-line message naming the directory and the reason
     */
    public static void prepare(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            create(dir);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("data directory " + dir + " is not writable");
        }
    }

    private static void create(Path dir) throws IOException {
        try {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (supportsPosix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileSystemException e) {
            throw new IOException("cannot create data directory " + dir + ": " + describe(e), e);
        }
    }

    private static boolean supportsPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String describe(FileSystemException e) {
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + " exists and is not a directory";
        }
        String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        return e.getFile() != null ? reason + " (" + e.getFile() + ")" : reason;
    }
}
