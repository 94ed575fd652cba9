package org.switchboard.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordVaultTest {
    @TempDir
    Path dataDir;

    @Test
    void encryptedPasswordDecryptsWithTheSameContext() {
        PasswordVault vault = PasswordVault.open(dataDir.resolve("keys/password.key"));

        String sealed = vault.encrypt("Circle of Life", "201@example.com");

        assertThat(sealed).doesNotContain("Circle");
        assertThat(vault.decrypt(sealed, "201@example.com")).isEqualTo("Circle of Life");
        assertThat(vault.encrypt("Circle of Life", "201@example.com")).isNotEqualTo(sealed);
    }

    @Test
    void ciphertextOfAnotherUserDoesNotDecrypt() {
        PasswordVault vault = PasswordVault.open(dataDir.resolve("password.key"));
        String sealed = vault.encrypt("Circle of Life", "201@example.com");

        assertThatThrownBy(() -> vault.decrypt(sealed, "202@example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        Path keyFile = dataDir.resolve("password.key");
        PasswordVault first = PasswordVault.open(keyFile);
        String sealed = first.encrypt("secret", "ctx");

        assertThat(keyFile).exists();
        assertThat(Files.size(keyFile)).isEqualTo(32);
        assertThat(PasswordVault.open(keyFile).decrypt(sealed, "ctx")).isEqualTo("secret");
        assumeTrue(Files.getFileStore(keyFile).supportsFileAttributeView(PosixFileAttributeView.class));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = PasswordVault.open(dataDir.resolve("a.key")).encrypt("secret", "ctx");

        assertThatThrownBy(() -> PasswordVault.open(dataDir.resolve("b.key")).decrypt(sealed, "ctx"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncatedKeyFileIsRefused() throws Exception {
        Path keyFile = dataDir.resolve("password.key");
        Files.write(keyFile, new byte[10]);

        assertThatThrownBy(() -> PasswordVault.open(keyFile)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 10 bytes");
    }
}
