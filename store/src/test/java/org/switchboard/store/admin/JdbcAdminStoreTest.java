package org.switchboard.store.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.store.AdminAccount;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.ApiToken;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/** Administrator accounts, API tokens and the audit log on each database engine. */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcAdminStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final Database db;
    private final JdbcAdminStore admins;
    private final JdbcAuditStore audit;

    JdbcAdminStoreTest(Engine engine) {
        db = engine.open();
        admins = new JdbcAdminStore(db);
        audit = new JdbcAuditStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static AdminAccount system(String name) {
        return new AdminAccount(name, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", AdminRole.SYSTEM_ADMIN, null, T0);
    }

    @Test
    void accountsAreFoundByNameAndListedInNameOrder() {
        AdminAccount domainAdmin = new AdminAccount("carol", "h", AdminRole.DOMAIN_ADMIN, "example.com", T0);
        assertThat(admins.add(system("bob"))).isTrue();
        assertThat(admins.add(domainAdmin)).isTrue();

        assertThat(admins.find("carol")).contains(domainAdmin);
        assertThat(admins.find("nobody")).isEmpty();
        assertThat(admins.list()).extracting(AdminAccount::username).containsExactly("bob", "carol");
        assertThat(admins.count()).isEqualTo(2);
    }

    @Test
    void aSecondAccountOfTheSameNameIsRefused() {
        admins.add(system("bob"));

        assertThat(admins.add(new AdminAccount("bob", "other", AdminRole.DOMAIN_ADMIN, "example.com", T0))).isFalse();
        assertThat(admins.find("bob")).contains(system("bob"));
    }

    @Test
    void onlyOneOfTwoConcurrentFirstRunSetupsMakesAnAccount() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = two.invokeAll(List.<Callable<Boolean>>of(
                    () -> admins.addFirst(system("alice")), () -> admins.addFirst(system("mallory"))));
            assertThat(results.get(0).get() ^ results.get(1).get()).isTrue();
        } finally {
            two.shutdown();
        }
        assertThat(admins.count()).isEqualTo(1);
        assertThat(admins.addFirst(system("eve"))).isFalse();
    }

    @Test
    void theAuditLogPagesNewestFirstAndFiltersByDomain() {
        for (int i = 0; i < 5; i++) {
            audit.append(new AuditEntry(T0.plusSeconds(i), "alice", "192.0.2.1", "user.add",
                    i % 2 == 0 ? "example.com" : "other.org", "20" + i, null, "name=20" + i));
        }

        assertThat(audit.page(null, 0, 2)).extracting(AuditEntry::object).containsExactly("204", "203");
        assertThat(audit.page(null, 2, 10)).extracting(AuditEntry::object).containsExactly("202", "201", "200");
        assertThat(audit.page("example.com", 0, 10)).extracting(AuditEntry::object)
                .containsExactly("204", "202", "200");
        assertThat(audit.page(null, 0, 1).get(0))
                .isEqualTo(new AuditEntry(T0.plusSeconds(4), "alice", "192.0.2.1", "user.add", "example.com", "204",
                        null, "name=204"));
    }

    @Test
    void apiTokensAreFoundByHashOnlyUniqueByNameAndRemovable() {
        JdbcApiTokenStore tokens = new JdbcApiTokenStore(db);
        ApiToken backup = new ApiToken("backup", "a".repeat(64), T0);

        assertThat(tokens.add(backup)).isTrue();
        assertThat(tokens.add(new ApiToken("backup", "b".repeat(64), T0))).isFalse();
        assertThat(tokens.findByHash("a".repeat(64))).contains(backup);
        assertThat(tokens.findByHash("c".repeat(64))).isEmpty();
        assertThat(tokens.list()).containsExactly(backup);
        assertThat(tokens.remove("backup")).isTrue();
        assertThat(tokens.remove("backup")).isFalse();
        assertThat(tokens.findByHash("a".repeat(64))).isEmpty();
    }

    @Test
    void overlongTextsAreCutNotRefused() {
        audit.append(new AuditEntry(T0, "alice", "192.0.2.1", "user.edit", null, "x", "a".repeat(5000), null));

        assertThat(audit.page(null, 0, 1).get(0).before()).hasSize(4000).endsWith("…");
    }
}
