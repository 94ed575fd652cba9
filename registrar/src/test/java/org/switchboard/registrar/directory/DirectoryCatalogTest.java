package org.switchboard.registrar.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.registrar.db.Database;
import org.switchboard.registrar.TestDatabases;

class DirectoryCatalogTest {
    @TempDir
    Path dataDir;

    private Database db;
    private UserDirectory directory;

    @BeforeEach
    void setUp() {
        db = TestDatabases.inMemory();
        directory = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db),
                PasswordVault.open(dataDir.resolve("password.key")));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void answersFromTheLastSnapshotUntilRefreshed() {
        directory.addDomain("example.com");
        directory.addUser("example.com", "201", "Alice", "secret-password-1");
        DirectoryCatalog catalog = new DirectoryCatalog(directory);
        assertThat(catalog.isLocalDomain("example.com")).isFalse();

        catalog.refresh();

        assertThat(catalog.isLocalDomain("EXAMPLE.com")).isTrue();
        assertThat(catalog.isLocalDomain("example.org")).isFalse();
        assertThat(catalog.userExists(new AddressOfRecord("201", "example.com"))).isTrue();
        assertThat(catalog.userExists(new AddressOfRecord("202", "example.com"))).isFalse();

        directory.addUser("example.com", "202", "Bob", "secret-password-2");
        catalog.refresh();
        assertThat(catalog.userExists(new AddressOfRecord("202", "example.com"))).isTrue();
    }
}
