package org.switchboard.store.trunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.spi.store.StoredTrunk;
import org.switchboard.core.spi.store.TrunkRegistration;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;

/** Trunks and their registration state on each database engine. */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbcTrunkStoreTest {
    private static final StoredTrunk ITSP = new StoredTrunk("itsp", "example.com", "sip.provider.test", 5070, "udp",
            "4930123", "secret", "provider.test", "sip:proxy.provider.test;lr", "4930123456", "both", true, 600);
    private static final StoredTrunk GATEWAY = new StoredTrunk("gw", "example.com", "192.0.2.10", 0, "tcp", null,
            null, null, null, null, "from", false, 3600);

    private final Database db;
    private final JdbcTrunkStore store;

    JdbcTrunkStoreTest(Engine engine) {
        db = engine.open();
        store = new JdbcTrunkStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void trunksComeBackByNameWithEveryFieldAndSavingAgainReplaces() {
        store.saveTrunk(ITSP);
        store.saveTrunk(GATEWAY);
        assertThat(store.trunks()).containsExactly(GATEWAY, ITSP);

        StoredTrunk moved = new StoredTrunk("gw", "example.com", "192.0.2.11", 5080, "udp", null, null, null, null,
                "0301234", "pai", false, 3600);
        store.saveTrunk(moved);
        assertThat(store.trunks()).containsExactly(moved, ITSP);
    }

    @Test
    void aRegistrationKeepsItsCallIdAcrossAnEditAndGoesWithItsTrunk() {
        store.saveTrunk(ITSP);
        TrunkRegistration registered = new TrunkRegistration("itsp", "abc@192.0.2.1", 7, "registered", null,
                Instant.ofEpochMilli(1_700_000_300_000L), Instant.ofEpochMilli(1_700_000_600_000L));
        store.saveRegistration(registered);
        TrunkRegistration failed = new TrunkRegistration("itsp", "abc@192.0.2.1", 8, "failed", "403 Forbidden",
                Instant.ofEpochMilli(1_700_000_064_000L), null);
        store.saveRegistration(failed);

        store.saveTrunk(ITSP);

        assertThat(store.registration("itsp")).contains(failed);
        assertThat(store.registrations()).containsExactly(failed);
        assertThat(store.removeTrunk("itsp")).isTrue();
        assertThat(store.removeTrunk("itsp")).isFalse();
        assertThat(store.registration("itsp")).isEmpty();
    }
}
