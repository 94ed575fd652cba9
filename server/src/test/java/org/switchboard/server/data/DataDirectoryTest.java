package org.switchboard.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void missingDirectoryIsCreatedForOwnerOnly() throws Exception {
        Path dir = parent.resolve("a/b/data");

        DataDirectory.prepare(dir);

        assertThat(dir).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void existingDirectoryIsKeptAsIs() throws Exception {
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-x---"));

        DataDirectory.prepare(parent);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))).isEqualTo("rwxr-x---");
    }

    @Test
    void pathUnderRegularFileIsRefusedWithReason() throws Exception {
        Path file = Files.createFile(parent.resolve("file"));

        assertThatThrownBy(() -> DataDirectory.prepare(file.resolve("data")))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot create data directory " + file.resolve("data") + ": "
                        + file + " exists and is not a directory");
    }
}
