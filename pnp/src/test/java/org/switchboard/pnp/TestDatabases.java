package org.switchboard.pnp;

import java.util.UUID;
import org.switchboard.store.Database;

/** Private in-memory H2 databases, migrated, one per call. */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Database inMemory() {
        return Database.open(Database.h2MemoryUrl("test-" + UUID.randomUUID()), "sa", "", 2);
    }
}
