package org.switchboard.server.data;

import java.io.IOException;
import java.nio.file.Path;
import org.switchboard.core.spi.store.PrivateFiles;

/**
 * Makes sure a data directory exists and is writable. A directory it creates is readable only by
 * its owner (on POSIX file systems), because it will hold the user database; the admin commands
 * create it the same way ({@link PrivateFiles}). Stateless and thread-safe.
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
        PrivateFiles.prepareDirectory(dir);
    }
}
