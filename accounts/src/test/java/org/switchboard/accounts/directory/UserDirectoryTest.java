package org.switchboard.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.accounts.digest.DigestSecrets;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryException.Reason;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.StoredUser;
import org.switchboard.core.spi.store.User;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;

@ParameterizedClass
@EnumSource(Engine.class)
class UserDirectoryTest {
    @TempDir
    Path dataDir;

    private Database db;
    private UserDirectory directory;

    private final Engine engine;

    UserDirectoryTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        db = engine.open();
        directory = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db),
                PasswordVault.open(dataDir.resolve("password.key")));
        directory.addDomain("Example.COM");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void addedUserIsListedFoundAndRemoved() {
        directory.addUser("example.com", "201", "Ann Smith", "secret-201-pw");

        assertThat(directory.users("example.com")).containsExactly(new User("example.com", "201", "Ann Smith", true));
        assertThat(directory.user("example.com", "201")).isPresent();
        directory.removeUser("example.com", "201");
        assertThat(directory.users("example.com")).isEmpty();
    }

    @Test
    void domainNamesAreStoredInLowerCase() {
        assertThat(directory.domains()).containsExactly(new Domain("example.com"));
        assertThat(directory.servesRealm("example.com")).isTrue();
    }

    @Test
    void duplicateUserIsRefused() {
        directory.addUser("example.com", "201", null, "secret-201-pw");

        assertThatThrownBy(() -> directory.addUser("example.com", "201", null, "other-password"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_USER))
                .hasMessage("User 201@example.com already exists");
    }

    @Test
    void userOfAMissingDomainIsRefused() {
        assertThatThrownBy(() -> directory.addUser("nowhere.org", "201", null, "secret-201-pw"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DOMAIN))
                .hasMessage("Domain nowhere.org does not exist");
        assertThatThrownBy(() -> directory.users("nowhere.org"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DOMAIN));
    }

    @Test
    void badAddressesAreRefused() {
        assertThatThrownBy(() -> directory.addUser("example.com", "ann smith", null, "secret-201-pw"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ADDRESS))
                .hasMessageContaining("'ann smith' is not a valid user name");
        assertThatThrownBy(() -> directory.addDomain("exa mple.com"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ADDRESS));
        assertThatThrownBy(() -> directory.addUser("example.com", "201", null, "short"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD));
    }

    @Test
    void domainWithUsersCannotBeRemoved() {
        directory.addUser("example.com", "201", null, "secret-201-pw");

        assertThatThrownBy(() -> directory.removeDomain("example.com"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DOMAIN_IN_USE));
    }

    @Test
    void passwordIsEncryptedAtRestAndDecryptsForProvisioning() {
        directory.addUser("example.com", "201", null, "secret-201-pw");

        StoredUser stored = new JdbcUserStore(db).find("example.com", "201").orElseThrow();
        assertThat(stored.encryptedPassword()).doesNotContain("secret-201-pw");
        assertThat(directory.password("example.com", "201")).isEqualTo("secret-201-pw");
    }

    @Test
    void digestSecretsFollowThePassword() {
        directory.addUser("example.com", "201", null, "secret-201-pw");
        directory.setPassword("example.com", "201", "new-password-1");

        DigestSecrets secrets = directory.secrets("example.com", "201").orElseThrow();
        assertThat(secrets.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1("201", "example.com", "new-password-1"));
        assertThat(secrets.ha1Sha256()).isEqualTo(DigestAlgorithm.SHA_256.ha1("201", "example.com", "new-password-1"));
        assertThat(secrets.enabled()).isTrue();
    }

    @Test
    void generatedPasswordIsStoredAndReturned() {
        NewCredentials created = directory.addUserWithGeneratedPassword("example.com", "202", null);
        String changed = directory.generatePassword("example.com", "202");

        assertThat(created.password()).hasSize(16);
        assertThat(changed).isNotEqualTo(created.password());
        assertThat(directory.password("example.com", "202")).isEqualTo(changed);
    }

    @Test
    void disabledUserSecretsSayDisabled() {
        directory.addUser("example.com", "201", "Ann", "secret-201-pw");
        directory.update(new User("example.com", "201", "Ann", false));

        assertThat(directory.secrets("example.com", "201").orElseThrow().enabled()).isFalse();
    }

    @Test
    void changingAMissingUserSaysSo() {
        assertThatThrownBy(() -> directory.setPassword("example.com", "999", "secret-999-pw"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_USER))
                .hasMessage("User 999@example.com does not exist");
    }
}
