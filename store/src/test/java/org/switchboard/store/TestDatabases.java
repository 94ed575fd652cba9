package org.switchboard.store;

import java.util.UUID;

/** Private databases for the tests, migrated, one per call: in-memory H2, or one on {@link TestPostgres}. */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Database inMemory() {
        return Database.open(Database.h2MemoryUrl("test-" + UUID.randomUUID()), "sa", "", 2);
    }

    /**
     * The databases every store runs on. The store contract tests are parameterized over these
     * ({@code @ParameterizedClass @EnumSource(Engine.class)}), so each store's behaviour is asserted
     * identically on both.
     */
    public enum Engine {
        H2 {
            @Override
            public String newUrl() {
                return Database.h2MemoryUrl("test-" + UUID.randomUUID());
            }

            @Override
            public String user() {
                return "sa";
            }
        },
        POSTGRESQL {
            @Override
            public String newUrl() {
                return TestPostgres.server().newDatabase();
            }

            @Override
            public String user() {
                return TestPostgres.USER;
            }
        };

        /** The URL of a new empty database of this engine. */
        public abstract String newUrl();

        /** A user who may create tables in {@link #newUrl}'s databases without a password. */
        public abstract String user();

        /** A new empty database of this engine, opened and migrated. */
        public Database open() {
            return Database.open(newUrl(), user(), "", 2);
        }
    }
}
