package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.registrar.binding.BindingFixtures.ALICE;
import static org.switchboard.registrar.binding.BindingFixtures.THIS_HOST;
import static org.switchboard.registrar.binding.BindingFixtures.binding;
import static org.switchboard.registrar.binding.BindingFixtures.instance;
import static org.switchboard.registrar.binding.BindingFixtures.outbound;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.registrar.binding.RegistrationOutcome.Status;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.bindings.CountingBindingStore;
import org.switchboard.store.bindings.JdbcBindingStore;
import org.switchboard.testkit.time.ManualClock;

@ParameterizedClass
@EnumSource(Engine.class)
class BindingWriterTest {
    private final ManualClock clock = new ManualClock();
    private final Engine engine;
    private final Database db;
    private final CountingBindingStore store;
    private final InMemoryLocationService location = new InMemoryLocationService(clock, THIS_HOST);
    private final BindingWriter writer;

    BindingWriterTest(Engine engine) {
        this.engine = engine;
        db = engine.open();
        store = new CountingBindingStore(new JdbcBindingStore(db));
        writer = new BindingWriter(location, store, clock, 3, 100);
        writer.start();
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    private RegistrationOutcome register(Binding... contacts) {
        return writer.register(ALICE, List.of(contacts)).join();
    }

    @Test
    void lookupReturnsCommittedContactsHighestQFirst() {
        register(binding("sip:201@192.0.2.10", 0.3, in(Duration.ofMinutes(10)), "a", 1),
                binding("sip:201@192.0.2.11", 0.9, in(Duration.ofMinutes(10)), "b", 1));

        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri)
                .containsExactly("sip:201@192.0.2.11", "sip:201@192.0.2.10");
        assertThat(store.loadAll()).hasSize(2);
    }

    @Test
    void expiredContactsAreNeverReturnedAndArePurgedFromMemoryAndStore() {
        register(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofSeconds(60)), "a", 1));
        clock.advance(Duration.ofSeconds(60));

        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(writer.purgeExpired().join().changes().removals()).extracting(Binding::contactUri)
                .containsExactly("sip:201@192.0.2.10");
        assertThat(store.loadAll()).isEmpty();
        assertThat(writer.purgeExpired().join().changes().removals()).isEmpty();
    }

    @Test
    void rebootedPhoneReplacesItsBindingByInstanceAndRegId() {
        register(outbound("sip:201@192.0.2.10:5060", in(Duration.ofHours(1)), "boot-1", 5));

        RegistrationOutcome outcome = register(outbound("sip:201@192.0.2.99:6000", in(Duration.ofHours(1)), "boot-2", 1));

        assertThat(outcome.status()).isEqualTo(Status.APPLIED);
        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.99:6000");
        assertThat(store.loadAll()).extracting(Binding::contactUri).containsExactly("sip:201@192.0.2.99:6000");
    }

    @Test
    void sameCallIdWithOldCSeqIsRefusedAndChangesNothing() {
        register(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 5));

        RegistrationOutcome outcome = register(binding("sip:201@192.0.2.12", 1.0, in(Duration.ofHours(1)), "c", 1),
                binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(2)), "a", 5));

        assertThat(outcome.status()).isEqualTo(Status.OUT_OF_ORDER);
        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.10");
    }

    @Test
    void zeroExpiryRemovesTheBinding() {
        Binding b = binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1);
        register(b);

        RegistrationOutcome outcome = register(binding("sip:201@192.0.2.10", 1.0, clock.instant(), "a", 2));

        assertThat(outcome.changes().removals()).containsExactly(b);
        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void rebootedPhoneWithInstanceButNoRegIdReplacesItsBinding() {
        for (int boot = 1; boot <= 12; boot++) {
            RegistrationOutcome outcome = register(instance("sip:201@192.0.2.10:" + (40000 + boot) + ";transport=udp",
                    in(Duration.ofHours(1)), "boot-" + boot, 1));
            assertThat(outcome.status()).isEqualTo(Status.APPLIED);
        }

        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri)
                .containsExactly("sip:201@192.0.2.10:40012;transport=udp");
        assertThat(store.loadAll()).extracting(Binding::contactUri)
                .containsExactly("sip:201@192.0.2.10:40012;transport=udp");
    }

    @Test
    void phoneWithoutInstanceRebootingOnTheSameContactReplacesItsBinding() {
        register(binding("sip:201@192.0.2.10:5060", 1.0, in(Duration.ofHours(1)), "before-reboot", 9));

        RegistrationOutcome outcome = register(binding("sip:201@192.0.2.10:5060", 1.0, in(Duration.ofHours(1)),
                "after-reboot", 1));

        assertThat(outcome.status()).isEqualTo(Status.APPLIED);
        assertThat(store.loadAll()).singleElement().extracting(Binding::callId).isEqualTo("after-reboot");
    }

    @Test
    void contactThatStartsSendingItsInstanceKeepsOneBinding() {
        Binding plain = binding("sip:201@192.0.2.10:5060", 1.0, in(Duration.ofHours(1)), "a", 1);
        register(plain);

        RegistrationOutcome outcome = register(instance("sip:201@192.0.2.10:5060", in(Duration.ofHours(1)), "a", 2));

        assertThat(outcome.changes().removals()).containsExactly(plain);
        assertThat(store.loadAll()).singleElement().extracting(Binding::instanceId).isNotNull();
    }

    @Test
    void aReplacedBindingStaysReplacedAfterACrashAndReplayOfTheJournal(@TempDir Path journal) {
        Database durable = engine.open();
        JournaledBindingStore crashed = JournaledBindingStore.open(new JdbcBindingStore(durable), journal,
                Duration.ofHours(1), 1 << 20);
        BindingWriter journaled = new BindingWriter(new InMemoryLocationService(clock, THIS_HOST), crashed, clock, 3,
                100);
        journaled.start();
        journaled.register(ALICE, List.of(instance("sip:201@192.0.2.10:40001", in(Duration.ofHours(1)), "boot-1", 1)))
                .join();
        journaled.register(ALICE, List.of(instance("sip:201@192.0.2.10:40002", in(Duration.ofHours(1)), "boot-2", 1)))
                .join();
        journaled.close();
        // the journal store is not closed: the process died before its write-behind

        JournaledBindingStore restarted = JournaledBindingStore.open(new JdbcBindingStore(durable), journal,
                Duration.ofHours(1), 1 << 20);
        InMemoryLocationService reloaded = new InMemoryLocationService(clock, THIS_HOST);
        reloaded.load(restarted);

        assertThat(reloaded.lookup(ALICE)).extracting(RegisteredContact::uri)
                .containsExactly("sip:201@192.0.2.10:40002");
        restarted.close();
        assertThat(new JdbcBindingStore(durable).loadAll()).extracting(Binding::contactUri)
                .containsExactly("sip:201@192.0.2.10:40002");
        durable.close();
    }

    @Test
    void aNewContactPastTheLimitDisplacesTheOneExpiringSoonest() {
        for (int i = 0; i < 3; i++) {
            register(binding("sip:201@192.0.2." + i, 1.0, in(Duration.ofMinutes(30 + i)), "c" + i, 1));
        }

        RegistrationOutcome outcome = register(binding("sip:201@192.0.2.9", 1.0, in(Duration.ofHours(1)), "c9", 1));

        assertThat(outcome.status()).isEqualTo(Status.APPLIED);
        assertThat(outcome.changes().removals()).extracting(Binding::contactUri).containsExactly("sip:201@192.0.2.0");
        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri)
                .containsExactlyInAnyOrder("sip:201@192.0.2.1", "sip:201@192.0.2.2", "sip:201@192.0.2.9");
        assertThat(store.loadAll()).hasSize(3);
    }

    @Test
    void moreContactsInOneRegisterThanAllowedAreRefused() {
        register(binding("sip:201@192.0.2.1", 1.0, in(Duration.ofHours(1)), "a", 1));

        RegistrationOutcome outcome = register(binding("sip:201@192.0.2.5", 1.0, in(Duration.ofHours(1)), "b", 1),
                binding("sip:201@192.0.2.6", 1.0, in(Duration.ofHours(1)), "b", 1),
                binding("sip:201@192.0.2.7", 1.0, in(Duration.ofHours(1)), "b", 1),
                binding("sip:201@192.0.2.8", 1.0, in(Duration.ofHours(1)), "b", 1));

        assertThat(outcome.status()).isEqualTo(Status.TOO_MANY_BINDINGS);
        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.1");
    }

    @Test
    void removeAllClearsTheAddressOfRecord() {
        register(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1));

        RegistrationOutcome outcome = writer.removeAll(ALICE, "b", 1).join();

        assertThat(outcome.status()).isEqualTo(Status.APPLIED);
        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void concurrentChangesShareCommitsAndLaterOnesSeeEarlierOnesOfTheBatch() {
        store.slowCommits(50);
        List<CompletableFuture<RegistrationOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AddressOfRecord aor = new AddressOfRecord("u" + (i % 10), "example.com");
            futures.add(writer.register(aor, List.of(new Binding(aor, "sip:x@192.0.2." + i, 1.0,
                    in(Duration.ofHours(1)), "call-" + (i % 10), i, List.of(), null, 0, BindingFixtures.TCP_FLOW, null))));
        }
        futures.forEach(CompletableFuture::join);

        assertThat(store.commits()).isLessThan(40);
        assertThat(location.lookup(new AddressOfRecord("u3", "example.com"))).hasSize(3);
        assertThat(store.loadAll()).hasSize(30);
    }

    @Test
    void aFailedCommitFailsTheChangeAndLeavesMemoryAsItWas() {
        register(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1));
        store.failCommits(true);

        CompletableFuture<RegistrationOutcome> failed =
                writer.register(ALICE, List.of(binding("sip:201@192.0.2.11", 1.0, in(Duration.ofHours(1)), "b", 1)));

        assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(StoreException.class);
        assertThat(location.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.10");
        store.failCommits(false);
        register(binding("sip:201@192.0.2.12", 1.0, in(Duration.ofHours(1)), "c", 1));
        assertThat(store.loadAll()).extracting(Binding::contactUri)
                .containsExactlyInAnyOrder("sip:201@192.0.2.10", "sip:201@192.0.2.12");
    }

    @Test
    void aFullQueueRejectsAtOnce() {
        BindingWriter unstarted = new BindingWriter(location, store, clock, 3, 1);
        unstarted.register(ALICE, List.of());

        CompletableFuture<RegistrationOutcome> rejected = unstarted.register(ALICE, List.of());

        assertThatThrownBy(rejected::get).hasCauseInstanceOf(RejectedExecutionException.class);
        unstarted.close();
    }

    @Test
    void startupLoadKeepsLiveBindingsAndDeletesExpiredOnes() {
        Binding live = binding("sip:201@192.0.2.10", 1.0, in(Duration.ofHours(1)), "a", 1);
        Binding expired = binding("sip:201@192.0.2.11", 1.0, in(Duration.ofSeconds(-1)), "b", 1);
        store.apply(List.of(new BindingChanges(List.of(live, expired), List.of())));
        InMemoryLocationService fresh = new InMemoryLocationService(clock, THIS_HOST);

        assertThat(fresh.load(store)).isEqualTo(1);

        assertThat(fresh.lookup(ALICE)).extracting(RegisteredContact::uri).containsExactly("sip:201@192.0.2.10");
        assertThat(store.loadAll()).containsExactly(live);
    }
}
