package org.switchboard.store.bans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/** Saved bans on each database engine: save, replace, lift, and the whole set written at stop. */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcBanStoreTest {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    private final Database db;
    private final JdbcBanStore store;

    JdbcBanStoreTest(Engine engine) {
        db = engine.open();
        store = new JdbcBanStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Ban ban(String source, long untilSeconds, String reason) throws Exception {
        return new Ban(InetAddress.getByName(source), T0, T0.plusSeconds(untilSeconds), reason);
    }

    @Test
    void savedBansOfBothFamiliesLoadSoonestEndingFirst() throws Exception {
        Ban v6 = ban("2001:db8::7", 600, "wrong passwords");
        Ban v4 = ban("203.0.113.9", 60, "scanner");

        store.save(v6);
        store.save(v4);

        assertThat(store.load()).containsExactly(v4, v6);
    }

    @Test
    void savingASourceAgainReplacesItsBan() throws Exception {
        store.save(ban("203.0.113.9", 60, "scanner"));
        Ban longer = ban("203.0.113.9", 3600, "scanner, again");

        store.save(longer);

        assertThat(store.load()).containsExactly(longer);
    }

    @Test
    void removeLiftsOnlyAnExistingBan() throws Exception {
        store.save(ban("203.0.113.9", 60, "scanner"));

        assertThat(store.remove(InetAddress.getByName("203.0.113.9"))).isTrue();
        assertThat(store.remove(InetAddress.getByName("203.0.113.9"))).isFalse();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void replaceAllLeavesExactlyTheGivenBans() throws Exception {
        store.save(ban("203.0.113.9", 60, "scanner"));
        Ban a = ban("198.51.100.1", 120, "wrong passwords");
        Ban b = ban("198.51.100.2", 240, "wrong passwords");

        store.replaceAll(List.of(a, b));

        assertThat(store.load()).containsExactly(a, b);
    }

    @Test
    void anOverlongReasonIsCutToItsColumn() throws Exception {
        store.save(ban("203.0.113.9", 60, "x".repeat(600)));

        assertThat(store.load()).singleElement().extracting(Ban::reason).isEqualTo("x".repeat(512));
    }
}
