package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.registrar.binding.BindingFixtures.binding;
import static org.switchboard.registrar.binding.BindingFixtures.outbound;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.registrar.TestDatabases;
import org.switchboard.registrar.db.Database;

class JdbcBindingStoreTest {
    private static final Instant EXPIRES = Instant.parse("2025-01-01T13:00:00Z");

    private final Database db = TestDatabases.inMemory();
    private final JdbcBindingStore store = new JdbcBindingStore(db);

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void bindingsRoundTripWithAllFields() {
        Binding plain = binding("sip:201@198.51.100.7:40123;transport=tcp", 0.5, EXPIRES, "call-1", 7);
        Binding withPath = outbound("sip:201@198.51.100.8:5060", EXPIRES, "call-2", 3);

        store.apply(List.of(new BindingChanges(List.of(plain, withPath), List.of())));

        assertThat(store.loadAll()).containsExactlyInAnyOrder(plain, withPath);
    }

    @Test
    void manyChangeSetsCommitTogetherAndTheLastWriteWins() {
        Binding first = binding("sip:201@198.51.100.7", 1.0, EXPIRES, "call-1", 1);
        Binding refreshed = binding("sip:201@198.51.100.7", 0.7, EXPIRES.plusSeconds(60), "call-1", 2);
        Binding other = binding("sip:201@198.51.100.9", 1.0, EXPIRES, "call-9", 1);

        store.apply(List.of(new BindingChanges(List.of(first, other), List.of()),
                new BindingChanges(List.of(refreshed), List.of()),
                new BindingChanges(List.of(), List.of(other))));

        assertThat(store.loadAll()).containsExactly(refreshed);
    }

    @Test
    void aLaterCommitRefreshesStoredBindingsInPlaceAndAddsNewOnes() {
        Binding first = binding("sip:201@198.51.100.7", 1.0, EXPIRES, "call-1", 1);
        Binding gone = binding("sip:201@198.51.100.9", 1.0, EXPIRES, "call-9", 1);
        store.apply(List.of(new BindingChanges(List.of(first, gone), List.of())));
        Binding refreshed = binding("sip:201@198.51.100.7", 0.5, EXPIRES.plusSeconds(60), "call-1", 2);
        Binding added = binding("sip:201@198.51.100.8", 0.3, EXPIRES, "call-8", 4);
        Binding refreshedAgain = binding("sip:201@198.51.100.7", 0.9, EXPIRES.plusSeconds(120), "call-1", 3);

        store.apply(List.of(new BindingChanges(List.of(refreshed, added), List.of(gone))));
        store.apply(List.of(new BindingChanges(List.of(refreshedAgain), List.of())));

        assertThat(store.loadAll()).containsExactlyInAnyOrder(refreshedAgain, added);
    }
}
