package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.registrar.binding.BindingFixtures.ALICE;
import static org.switchboard.registrar.binding.BindingFixtures.binding;
import static org.switchboard.registrar.binding.BindingFixtures.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.registrar.TestClock;
import org.switchboard.registrar.TestDatabases;
import org.switchboard.registrar.binding.RegistrationOutcome.Status;
import org.switchboard.registrar.db.Database;

class InMemoryLocationServiceTest {
    private final TestClock clock = new TestClock();
    private final InMemoryLocationService location = new InMemoryLocationService(clock, 3);

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    @Test
    void lookupReturnsLiveContactsHighestQFirst() {
        location.register(ALICE, List.of(
                binding("sip:201@192.0.2.10", 0.3, in(Duration.ofMinutes(10)), "a", 1),
                binding("sip:201@192.0.2.11", 0.9, in(Duration.ofMinutes(10)), "b", 1)));

        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri)
                .containsExactly("sip:201@192.0.2.11", "sip:201@192.0.2.10");
        assertThat(location.lookup(ALICE).get(0).flow()).isEqualTo(BindingFixtures.TCP_FLOW);
    }

    @Test
    void expiredContactsAreNeverReturnedAndArePurged() {
        location.register(ALICE, List.of(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofSeconds(60)), "a", 1)));
        clock.advance(Duration.ofSeconds(60));

        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(location.purgeExpired().removals()).extracting(Binding::contactUri).containsExactly("sip:201@192.0.2.10");
        assertThat(location.purgeExpired().isEmpty()).isTrue();
    }

    @Test
    void rebootedPhoneReplacesItsBindingByInstanceAndRegId() {
        location.register(ALICE, List.of(outbound("sip:201@192.0.2.10:5060", in(Duration.ofHours(1)), "boot-1", 5)));

        RegistrationOutcome outcome = location.register(ALICE,
                List.of(outbound("sip:201@192.0.2.99:6000", in(Duration.ofHours(1)), "boot-2", 1)));

        assertThat(outcome.status()).isEqualTo(Status.APPLIED);
        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.99:6000");
        assertThat(location.lookup(ALICE).get(0).path()).hasSize(2);
    }

    @Test
    void contactsWithoutInstanceAreKeyedByUri() {
        location.register(ALICE, List.of(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1)));
        location.register(ALICE, List.of(binding("sip:201@192.0.2.11", 1.0, in(Duration.ofHours(1)), "b", 1)));

        assertThat(location.lookup(ALICE)).hasSize(2);
    }

    @Test
    void sameCallIdWithOldCSeqIsRefusedAndChangesNothing() {
        location.register(ALICE, List.of(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 5)));

        RegistrationOutcome outcome = location.register(ALICE, List.of(
                binding("sip:201@192.0.2.12", 1.0, in(Duration.ofHours(1)), "c", 1),
                binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(2)), "a", 5)));

        assertThat(outcome.status()).isEqualTo(Status.OUT_OF_ORDER);
        assertThat(outcome.changes().isEmpty()).isTrue();
        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.10");
    }

    @Test
    void zeroExpiryRemovesTheBindingAndReportsTheRemoval() {
        Binding b = binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1);
        location.register(ALICE, List.of(b));

        RegistrationOutcome outcome = location.register(ALICE,
                List.of(binding("sip:201@192.0.2.10", 1.0, clock.instant(), "a", 2)));

        assertThat(outcome.changes().removals()).containsExactly(b);
        assertThat(location.lookup(ALICE)).isEmpty();
    }

    @Test
    void moreBindingsThanAllowedAreRefused() {
        for (int i = 0; i < 3; i++) {
            location.register(ALICE, List.of(binding("sip:201@192.0.2." + i, 1.0, in(Duration.ofHours(1)), "c" + i, 1)));
        }

        RegistrationOutcome outcome = location.register(ALICE,
                List.of(binding("sip:201@192.0.2.9", 1.0, in(Duration.ofHours(1)), "c9", 1)));

        assertThat(outcome.status()).isEqualTo(Status.TOO_MANY_BINDINGS);
        assertThat(location.lookup(ALICE)).hasSize(3);
    }

    @Test
    void removeAllClearsTheAddressOfRecord() {
        location.register(ALICE, List.of(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1)));

        RegistrationOutcome outcome = location.removeAll(ALICE, "b", 1);

        assertThat(outcome.status()).isEqualTo(Status.APPLIED);
        assertThat(outcome.changes().removals()).hasSize(1);
        assertThat(location.lookup(ALICE)).isEmpty();
    }

    @Test
    void startupLoadKeepsLiveBindingsAndDeletesExpiredOnes() {
        try (Database db = TestDatabases.inMemory()) {
            JdbcBindingStore store = new JdbcBindingStore(db);
            Binding live = binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1);
            Binding expired = binding("sip:201@192.0.2.11", 1.0, in(Duration.ofSeconds(-1)), "b", 1);
            store.apply(List.of(new BindingChanges(List.of(live, expired), List.of())));

            assertThat(location.load(store)).isEqualTo(1);

            assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.10");
            assertThat(store.loadAll()).containsExactly(live);
        }
    }
}
