package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.registrar.binding.BindingFixtures.ALICE;
import static org.switchboard.registrar.binding.BindingFixtures.THIS_HOST;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases;
import org.switchboard.store.bindings.JdbcBindingStore;
import org.switchboard.testkit.time.ManualClock;

/**
 * {@link InMemoryLocationService#isContactReachedAt}: its index follows the bindings as the writer
 * adds, refreshes, replaces, expires and removes them, and as they are loaded at start.
 */
class ContactReachesTest {
    private static final AddressOfRecord BOB = new AddressOfRecord("202", "example.com");
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 5060);

    private final ManualClock clock = new ManualClock();
    private final Database db = TestDatabases.inMemory();
    private final JdbcBindingStore store = new JdbcBindingStore(db);
    private final InMemoryLocationService location = new InMemoryLocationService(clock, THIS_HOST);
    private final BindingWriter writer = new BindingWriter(location, store, clock, 3, 100);

    ContactReachesTest() {
        writer.start();
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    @Test
    void aBindingIsReachedAtItsFlowSourceAndAtItsContactAddress() {
        // a TCP phone connects from a passing port and listens at its Contact
        register(ALICE, phone(ALICE, "sip:201@127.0.0.1:5064;transport=tcp", Transport.TCP, 40000, "a", 1));

        assertThat(reached(Transport.TCP, 40000)).isTrue();
        assertThat(reached(Transport.TCP, 5064)).isTrue();
        assertThat(reached(Transport.UDP, 5064)).as("another transport").isFalse();
        assertThat(reached(Transport.TCP, 5065)).as("another port").isFalse();
        assertThat(location.isContactReachedAt(Transport.TCP, new InetSocketAddress("127.0.0.2", 5064)))
                .as("another address").isFalse();
    }

    @Test
    void aContactByNameIsReachedAtItsFlowSourceOnly() {
        register(ALICE, phone(ALICE, "sip:201@phone.example.com:5062", Transport.UDP, 5062, "a", 1));

        assertThat(reached(Transport.UDP, 5062)).isTrue();
        assertThat(location.indexedPlaces()).isEqualTo(1);
    }

    @Test
    void phonesElsewhereThanThisHostAreNotIndexed() {
        Flow lan = new Flow(Transport.UDP, SERVER, new InetSocketAddress("192.0.2.10", 5062), 0);
        register(ALICE, new Binding(ALICE, "sip:201@192.0.2.10:5062", 1.0, clock.instant().plus(Duration.ofHours(1)),
                "a", 1, List.of(), null, 0, lan, "desk phone"));

        assertThat(location.lookup(ALICE)).hasSize(1);
        assertThat(location.indexedPlaces()).isZero();
        assertThat(location.isContactReachedAt(Transport.UDP, new InetSocketAddress("192.0.2.10", 5062))).isFalse();
    }

    @Test
    void aRefreshKeepsItsPlaceAndARebootedPhoneMovesToItsNewOne() {
        register(ALICE, instancePhone("sip:201@127.0.0.1:5062", 5062, "boot-1", 1));
        register(ALICE, instancePhone("sip:201@127.0.0.1:5062", 5062, "boot-1", 2));
        assertThat(reached(Transport.UDP, 5062)).isTrue();
        assertThat(location.indexedPlaces()).isEqualTo(1);

        // same +sip.instance from a new port: the new binding replaces the old one (RFC 5627 §4.2)
        register(ALICE, instancePhone("sip:201@127.0.0.1:5072", 5072, "boot-2", 1));

        assertThat(reached(Transport.UDP, 5072)).isTrue();
        assertThat(reached(Transport.UDP, 5062)).isFalse();
        assertThat(location.indexedPlaces()).isEqualTo(1);
    }

    @Test
    void anExpiredBindingIsNotReachedEvenBeforeThePurgeDropsIt() {
        register(ALICE, phone(ALICE, "sip:201@127.0.0.1:5062", Transport.UDP, 5062, "a", 1));
        clock.advance(Duration.ofHours(1));

        assertThat(reached(Transport.UDP, 5062)).isFalse();
        assertThat(location.indexedPlaces()).isEqualTo(1);

        writer.purgeExpired().join();
        assertThat(location.indexedPlaces()).isZero();
    }

    @Test
    void anUnregisteredBindingIsNotReachedAndLeavesNoEntry() {
        register(ALICE, phone(ALICE, "sip:201@127.0.0.1:5062", Transport.UDP, 5062, "a", 1),
                phone(ALICE, "sip:201@127.0.0.1:5064", Transport.UDP, 5064, "a", 1));

        register(ALICE, phone(ALICE, "sip:201@127.0.0.1:5062", Transport.UDP, 5062, "a", 2, clock.instant()));
        assertThat(reached(Transport.UDP, 5062)).isFalse();
        assertThat(reached(Transport.UDP, 5064)).isTrue();

        writer.removeAll(ALICE, "a", 3).join();
        assertThat(reached(Transport.UDP, 5064)).isFalse();
        assertThat(location.indexedPlaces()).isZero();
    }

    @Test
    void aPlaceSharedByTwoAddressesOfRecordStaysWhileEitherIsThere() {
        // one phone with two accounts, both registered from its one port
        register(ALICE, phone(ALICE, "sip:201@127.0.0.1:5062", Transport.UDP, 5062, "a", 1));
        register(BOB, phone(BOB, "sip:202@127.0.0.1:5062", Transport.UDP, 5062, "b", 1));

        writer.removeAll(ALICE, "a", 2).join();
        assertThat(reached(Transport.UDP, 5062)).isTrue();

        writer.removeAll(BOB, "b", 2).join();
        assertThat(reached(Transport.UDP, 5062)).isFalse();
        assertThat(location.indexedPlaces()).isZero();
    }

    @Test
    void bindingsLoadedAtStartAreReached() {
        register(ALICE, phone(ALICE, "sip:201@[::1]:5062", Transport.UDP, 5062, "a", 1));

        InMemoryLocationService restarted = new InMemoryLocationService(clock, THIS_HOST);
        restarted.load(store);

        assertThat(restarted.isContactReachedAt(Transport.UDP, new InetSocketAddress("::1", 5062))).isTrue();
        assertThat(restarted.isContactReachedAt(Transport.UDP, new InetSocketAddress("127.0.0.1", 5062))).isTrue();
    }

    private void register(AddressOfRecord aor, Binding... contacts) {
        assertThat(writer.register(aor, List.of(contacts)).join().status())
                .isEqualTo(RegistrationOutcome.Status.APPLIED);
    }

    private boolean reached(Transport transport, int port) {
        return location.isContactReachedAt(transport, new InetSocketAddress("127.0.0.1", port));
    }

    private Binding phone(AddressOfRecord aor, String contact, Transport transport, int sourcePort, String callId,
            long cseq) {
        return phone(aor, contact, transport, sourcePort, callId, cseq, clock.instant().plus(Duration.ofHours(1)));
    }

    private Binding phone(AddressOfRecord aor, String contact, Transport transport, int sourcePort, String callId,
            long cseq, Instant expiresAt) {
        Flow flow = new Flow(transport, SERVER, new InetSocketAddress("127.0.0.1", sourcePort), 0);
        return new Binding(aor, contact, 1.0, expiresAt, callId, cseq, List.of(), null, 0, flow, "softphone");
    }

    private Binding instancePhone(String contact, int sourcePort, String callId, long cseq) {
        Flow flow = new Flow(Transport.UDP, SERVER, new InetSocketAddress("127.0.0.1", sourcePort), 0);
        return new Binding(ALICE, contact, 1.0, clock.instant().plus(Duration.ofHours(1)), callId, cseq, List.of(),
                "<urn:uuid:8a1c7c1e-0000-4000-8000-00000000beef>", 0, flow, "baresip v1.0.0");
    }
}
