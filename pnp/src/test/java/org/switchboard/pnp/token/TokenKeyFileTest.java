package org.switchboard.pnp.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeyFileTest {
    @TempDir
    Path dataDir;

    @Test
    void firstStartCreatesARandomKeyReadableByTheOwnerOnly() throws IOException {
        byte[] key = TokenKeyFile.loadOrCreate(dataDir);

        Path file = dataDir.resolve(TokenKeyFile.FILE_NAME);
        assertThat(key).hasSize(ProvisioningTokens.MIN_KEY_BYTES).isEqualTo(Files.readAllBytes(file));
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void laterStartsReuseTheKey() throws IOException {
        byte[] first = TokenKeyFile.loadOrCreate(dataDir);

        assertThat(TokenKeyFile.loadOrCreate(dataDir)).isEqualTo(first);
    }

    @Test
    void createsTheDataDirectoryIfMissing() throws IOException {
        Path nested = dataDir.resolve("var/switchboard");

        assertThat(TokenKeyFile.loadOrCreate(nested)).hasSize(ProvisioningTokens.MIN_KEY_BYTES);
    }

    @Test
    void truncatedKeyFileIsAnError() throws IOException {
        Files.write(dataDir.resolve(TokenKeyFile.FILE_NAME), new byte[5]);

        assertThatThrownBy(() -> TokenKeyFile.loadOrCreate(dataDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds 5 bytes");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        TokenKeyFile.loadOrCreate(dataDir);

        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(TokenKeyFile.FILE_NAME);
        }
    }
}
