package org.switchboard.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.auth.AuthResult;
import org.switchboard.core.auth.AuthRole;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

/** The persistence mode in the registrar's config decides what is loaded from and written to the store. */
class RegistrarPersistenceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final AddressOfRecord ALICE = new AddressOfRecord("201", "example.com");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    private static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060),
            new InetSocketAddress("198.51.100.7", 5062), 0);

    private final StoredBindings store = new StoredBindings(new Binding(ALICE, "sip:201@198.51.100.7:5062", 1.0,
            T0.plusSeconds(3600), "call-1", 1, List.of(), null, 0, FLOW, "snom D785"));

    @Test
    void inMemoryModeTheStoreIsNeitherReadNorWritten() {
        try (Registrar registrar = start(RegistrarConfig.defaults().withPersistence(Persistence.MEMORY))) {
            assertThat(registrar.registrations().all()).isEmpty();
        }
        assertThat(store.loads).isZero();
        assertThat(store.applied).isEmpty();
    }

    @Test
    void writingThroughTheStoredBindingsAreLoadedAtStart() {
        try (Registrar registrar = start(RegistrarConfig.defaults().withPersistence(Persistence.WRITE_THROUGH))) {
            assertThat(registrar.registrations().bindings(ALICE)).singleElement()
                    .extracting(Binding::contactUri).isEqualTo("sip:201@198.51.100.7:5062");
        }
        assertThat(store.loads).isEqualTo(1);
    }

    @Test
    void withAJournalTheStoredBindingsAreLoadedThroughIt() {
        try (Registrar registrar = start(RegistrarConfig.defaults().withJournal(dir.resolve("journal")))) {
            assertThat(registrar.registrations().bindings(ALICE)).hasSize(1);
        }
        assertThat(dir.resolve("journal")).isDirectory();
    }

    @Test
    void contactRemovalDeletesTheBindingDurablyAndPublishesItsUnregistration() throws Exception {
        QueuedEventBus events = new QueuedEventBus();
        List<SwitchboardEvent.Unregistered> unregistered = new CopyOnWriteArrayList<>();
        events.subscribe(SwitchboardEvent.Unregistered.class, Runnable::run, unregistered::add);
        try (Registrar registrar = Registrar.start(RegistrarConfig.defaults().withPersistence(Persistence.WRITE_THROUGH),
                store, new ExampleDomain(), new RefusingAuthenticator(), clock, UnaryOperator.identity(), events)) {
            boolean removed = registrar.contactRemoval().remove(ALICE, "sip:201@198.51.100.7:5062")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            boolean again = registrar.contactRemoval().remove(ALICE, "sip:201@198.51.100.7:5062")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(removed).isTrue();
            assertThat(again).isFalse();
            assertThat(registrar.registrations().bindings(ALICE)).isEmpty();
        }
        assertThat(store.applied).anySatisfy(change -> assertThat(change.removals()).singleElement()
                .extracting(Binding::contactUri).isEqualTo("sip:201@198.51.100.7:5062"));
        assertThat(unregistered).singleElement().satisfies(event -> {
            assertThat(event.aor()).isEqualTo("sip:201@example.com");
            assertThat(event.contact()).isEqualTo("sip:201@198.51.100.7:5062");
        });
    }

    @Test
    void aJournalNeedsItsDirectoryAndTheOtherModesHaveNone() {
        assertThatThrownBy(() -> RegistrarConfig.defaults().withPersistence(Persistence.JOURNAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RegistrarConfig.defaults().withJournal(dir).withPersistence(Persistence.MEMORY).journalDir())
                .isNull();
    }

    private Registrar start(RegistrarConfig config) {
        return Registrar.start(config, store, new ExampleDomain(), new RefusingAuthenticator(), clock);
    }

    /** A store holding one binding; counts loads and keeps what is applied. */
    private static final class StoredBindings implements BindingStore {
        final List<Binding> bindings;
        final List<BindingChanges> applied = new ArrayList<>();
        int loads;

        StoredBindings(Binding binding) {
            this.bindings = List.of(binding);
        }

        @Override
        public synchronized List<Binding> loadAll() {
            loads++;
            return bindings;
        }

        @Override
        public synchronized void apply(List<BindingChanges> changes) {
            applied.addAll(changes);
        }
    }

    private static final class ExampleDomain implements DomainCatalog {
        @Override
        public boolean isLocalDomain(String host) {
            return host.equalsIgnoreCase("example.com");
        }

        @Override
        public boolean userExists(AddressOfRecord aor) {
            return aor.equals(ALICE);
        }
    }

    private static final class RefusingAuthenticator implements Authenticator {
        @Override
        public AuthResult authenticate(SipRequest request, InetAddress source, AuthRole role) {
            throw new AssertionError("no REGISTER is sent in these tests");
        }

        @Override
        public boolean blocks() {
            return false;
        }
    }
}
