package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.registrar.binding.BindingFixtures.ALICE;
import static org.switchboard.registrar.binding.BindingFixtures.TCP_FLOW;
import static org.switchboard.registrar.binding.BindingFixtures.THIS_HOST;
import static org.switchboard.registrar.binding.BindingFixtures.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.bindings.JdbcBindingStore;
import org.switchboard.testkit.time.ManualClock;

/** The registrar's bindings service over a real writer and H2 store: listings and removal of one binding. */
class RegistrarBindingsTest {
    private static final AddressOfRecord CAROL = new AddressOfRecord("301", "other.example.org");

    private final ManualClock clock = new ManualClock();
    private final Database db = Engine.H2.open();
    private final JdbcBindingStore store = new JdbcBindingStore(db);
    private final InMemoryLocationService location = new InMemoryLocationService(clock, THIS_HOST);
    private final BindingWriter writer = new BindingWriter(location, store, clock, 5, 100);
    private final QueuedEventBus events = new QueuedEventBus();
    private final List<SwitchboardEvent.Unregistered> unregistered = new CopyOnWriteArrayList<>();
    private final RegistrarBindings bindings = new RegistrarBindings(location, writer, events, clock);

    RegistrarBindingsTest() {
        writer.start();
        events.subscribe(SwitchboardEvent.Unregistered.class, Runnable::run, unregistered::add);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    private void registerCarol() {
        writer.register(CAROL, List.of(new Binding(CAROL, "sip:301@192.0.2.30", 1.0, in(Duration.ofMinutes(5)),
                "c", 1, List.of(), null, 0, TCP_FLOW, "Yealink"))).join();
    }

    @Test
    void listsLiveBindingsPerAddressOfRecordPerDomainAndAllWithTheirFlow() {
        writer.register(ALICE, List.of(binding("sip:201@192.0.2.10", 0.5, in(Duration.ofMinutes(5)), "a", 1),
                binding("sip:201@192.0.2.11", 1.0, in(Duration.ofMinutes(5)), "b", 1))).join();
        registerCarol();

        assertThat(bindings.of(ALICE)).extracting(Binding::contactUri)
                .containsExactly("sip:201@192.0.2.11", "sip:201@192.0.2.10");
        assertThat(bindings.of(ALICE)).allSatisfy(b -> assertThat(b.flow()).isEqualTo(TCP_FLOW));
        assertThat(bindings.inDomain("EXAMPLE.com")).extracting(Binding::aor).containsOnly(ALICE).hasSize(2);
        assertThat(bindings.all()).extracting(Binding::aor).containsExactly(ALICE, ALICE, CAROL);
    }

    @Test
    void expiredBindingsAreNotListed() {
        writer.register(ALICE, List.of(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofSeconds(30)), "a", 1))).join();
        clock.advance(Duration.ofSeconds(31));

        assertThat(bindings.of(ALICE)).isEmpty();
        assertThat(bindings.all()).isEmpty();
    }

    @Test
    void unregisteringOneBindingRemovesItFromMemoryAndStoreAndPublishesIt() {
        writer.register(ALICE, List.of(binding("sip:201@192.0.2.10", 1.0, in(Duration.ofMinutes(5)), "a", 1),
                binding("sip:201@192.0.2.11", 1.0, in(Duration.ofMinutes(5)), "b", 1))).join();
        String key = bindings.of(ALICE).stream().filter(b -> b.contactUri().endsWith(".10")).findFirst()
                .orElseThrow().key();

        assertThat(bindings.unregister(ALICE, key).toCompletableFuture().join()).isTrue();

        assertThat(bindings.of(ALICE)).extracting(Binding::contactUri).containsExactly("sip:201@192.0.2.11");
        assertThat(store.loadAll()).extracting(Binding::contactUri).containsExactly("sip:201@192.0.2.11");
        assertThat(unregistered).singleElement().satisfies(e -> {
            assertThat(e.contact()).isEqualTo("sip:201@192.0.2.10");
            assertThat(e.expired()).isFalse();
        });
    }

    @Test
    void unregisteringAnUnknownBindingChangesNothing() {
        registerCarol();

        assertThat(bindings.unregister(CAROL, "uri:sip:301@192.0.2.99").toCompletableFuture().join()).isFalse();
        assertThat(bindings.unregister(ALICE, "uri:sip:301@192.0.2.30").toCompletableFuture().join()).isFalse();

        assertThat(bindings.of(CAROL)).hasSize(1);
        assertThat(unregistered).isEmpty();
    }
}
