package org.switchboard.server.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * Holds an exclusive lock on {@value #LOCK_FILE_NAME} in the data directory while the server runs,
 * so a second server pointed at the same directory refuses to start instead of corrupting the
 * data. The lock file holds the process id of the owner, which the refusal message quotes. The
 * lock is an operating-system file lock: it is released when the process dies, however it dies.
 * Started and stopped by {@link org.switchboard.server.lifecycle.Server}, one thread at a time.
 */
public final class DataDirectoryLock implements Lifecycle {
    /** The name of the lock file inside the data directory. */
    public static final String LOCK_FILE_NAME = Storage.LOCK_FILE;

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);

    private final Path dataDir;
    private final Path lockFile;
    private FileChannel channel;
    private FileLock lock;

    /** @param dataDir an existing data directory */
    public DataDirectoryLock(Path dataDir) {
        this.dataDir = dataDir;
        this.lockFile = dataDir.resolve(LOCK_FILE_NAME);
    }

    @Override
    public String name() {
        return "data directory lock " + lockFile;
    }

    /**
     * Takes the lock and writes this process's id into the lock file.
     *
     * @throws IOException if the lock file cannot be opened or written, or another server holds
     *     the lock; the message says which directory and, if known, which process holds it
     */
    @Override
    public void start() throws IOException {
        FileChannel opened = FileChannel.open(lockFile,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PrivateFiles.ownerOnlyFile(dataDir));
        FileLock acquired;
        try {
            acquired = opened.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        if (acquired == null) {
            String owner = owner();
            opened.close();
            throw new IOException("data directory " + dataDir + " is in use by another Switchboard"
                    + owner + "; stop it or choose another data directory");
        }
        try {
            writePid(opened);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        channel = opened;
        lock = acquired;
    }

    @Override
    public void stop() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("Could not release {}: {}", lockFile, e.toString());
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
        channel.force(false);
    }

    private String owner() {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            log.debug("Could not read the owner from {}", lockFile, e);
            return "";
        }
    }
}
