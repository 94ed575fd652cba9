package org.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SippTest {

    @TempDir
    Path dir;

    @Test
    void findsExecutableSippOnSearchPath() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path sipp = Files.createFile(bin.resolve("sipp"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(Sipp.find(empty + File.pathSeparator + bin)).contains(sipp);
    }

    @Test
    void ignoresNonExecutableSipp() throws Exception {
        Files.createFile(dir.resolve("sipp"));

        assertThat(Sipp.find(dir.toString())).isEmpty();
    }

    @Test
    void findsNothingWithoutSearchPath() {
        assertThat(Sipp.find(null)).isEmpty();
        assertThat(Sipp.find("")).isEmpty();
    }
}
