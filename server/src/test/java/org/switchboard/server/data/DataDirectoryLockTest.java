package org.switchboard.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path dataDir;

    @Test
    void secondServerOnSameDataDirectoryIsRefusedNamingTheOwner() throws Exception {
        DataDirectoryLock first = new DataDirectoryLock(dataDir);
        first.start();
        try {
            DataDirectoryLock second = new DataDirectoryLock(dataDir);

            assertThatThrownBy(second::start)
                    .isInstanceOf(IOException.class)
                    .hasMessage("data directory " + dataDir + " is in use by another Switchboard (process "
                            + ProcessHandle.current().pid() + "); stop it or choose another data directory");
        } finally {
            first.stop();
        }
    }

    @Test
    void lockFileHoldsOwnerProcessId() throws Exception {
        DataDirectoryLock lock = new DataDirectoryLock(dataDir);
        lock.start();
        try {
            assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.LOCK_FILE_NAME)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        } finally {
            lock.stop();
        }
    }

    @Test
    void lockFileIsReadableByItsOwnerOnly() throws Exception {
        DataDirectoryLock lock = new DataDirectoryLock(dataDir);
        lock.start();
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dataDir.resolve(DataDirectoryLock.LOCK_FILE_NAME)))).isEqualTo("rw-------");
        } finally {
            lock.stop();
        }
    }

    @Test
    void stoppedLockCanBeTakenAgain() throws Exception {
        DataDirectoryLock first = new DataDirectoryLock(dataDir);
        first.start();
        first.stop();

        DataDirectoryLock second = new DataDirectoryLock(dataDir);
        second.start();
        second.stop();
    }
}
