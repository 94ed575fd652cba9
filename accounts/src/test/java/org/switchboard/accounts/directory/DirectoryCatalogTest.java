package org.switchboard.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.User;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;

@ParameterizedClass
@EnumSource(Engine.class)
class DirectoryCatalogTest {
    @TempDir
    Path dataDir;

    private Database db;
    private JdbcDomainStore domains;
    private JdbcUserStore users;
    private PasswordVault vault;

    private final Engine engine;

    DirectoryCatalogTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        db = engine.open();
        domains = new JdbcDomainStore(db);
        users = new JdbcUserStore(db);
        vault = PasswordVault.open(dataDir.resolve("password.key"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void loadsWhatTheDatabaseHolds() {
        UserDirectory before = new UserDirectory(domains, users, vault);
        before.addDomain("example.com");
        before.addUser("example.com", "201", "Alice", "secret-password-1");
        DirectoryCatalog catalog = new DirectoryCatalog();
        assertThat(catalog.isLocalDomain("example.com")).isFalse();

        catalog.load(domains, users);

        assertThat(catalog.isLocalDomain("EXAMPLE.com")).isTrue();
        assertThat(catalog.servesRealm("example.com")).isTrue();
        assertThat(catalog.isLocalDomain("example.org")).isFalse();
        assertThat(catalog.userExists(new AddressOfRecord("201", "example.com"))).isTrue();
        assertThat(catalog.userExists(new AddressOfRecord("202", "example.com"))).isFalse();
        assertThat(catalog.secrets("example.com", "201")).contains(before.secrets("example.com", "201").orElseThrow());
        assertThat(catalog.blocks()).isFalse();
    }

    @Test
    void followsEveryChangeTheDirectoryCommits() {
        DirectoryCatalog catalog = new DirectoryCatalog();
        UserDirectory directory = new UserDirectory(domains, users, vault, catalog);
        catalog.load(domains, users);

        directory.addDomain("example.com");
        directory.addUser("example.com", "201", "Alice", "secret-password-1");
        assertThat(catalog.isLocalDomain("example.com")).isTrue();
        assertThat(catalog.secrets("example.com", "201")).contains(directory.secrets("example.com", "201").orElseThrow());

        directory.setPassword("example.com", "201", "another-password-2");
        assertThat(catalog.secrets("example.com", "201")).contains(directory.secrets("example.com", "201").orElseThrow());

        directory.update(new User("example.com", "201", "Alice", false));
        assertThat(catalog.secrets("example.com", "201").orElseThrow().enabled()).isFalse();

        new CsvUserImporter(directory).importUsers("example.com", new StringReader("202,password-of-202,Bob\n"));
        assertThat(catalog.userExists(new AddressOfRecord("202", "example.com"))).isTrue();

        directory.removeUser("example.com", "201");
        directory.removeUser("example.com", "202");
        assertThat(catalog.secrets("example.com", "201")).isEmpty();
        assertThat(catalog.userExists(new AddressOfRecord("202", "example.com"))).isFalse();

        directory.removeDomain("example.com");
        assertThat(catalog.isLocalDomain("example.com")).isFalse();
    }
}
