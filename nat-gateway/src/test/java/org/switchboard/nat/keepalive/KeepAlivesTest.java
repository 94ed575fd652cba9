package org.switchboard.nat.keepalive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.nat.detect.NatMode;
import org.switchboard.nat.detect.NatSettings;
import org.switchboard.testkit.time.ManualClock;

/** The keep-alive schedule on the manual clock, with a pinger that records pings and is answered by the test. */
class KeepAlivesTest {
    private static final AddressOfRecord AOR = AddressOfRecord.parse("sip:201@example.com");
    private static final String CONTACT = "sip:201@192.168.1.20:5060";
    private static final InetSocketAddress SERVER = new InetSocketAddress("198.51.100.1", 5060);
    private static final Flow UDP = new Flow(Transport.UDP, SERVER, new InetSocketAddress("203.0.113.9", 40123), 0);
    private static final Duration INTERVAL = Duration.ofSeconds(25);
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final ManualClock clock = new ManualClock();
    private final List<Ping> pings = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private NatSettings settings = new NatSettings(NatMode.AUTO, List.of(), INTERVAL, GRACE, 3478, Duration.ZERO);
    private final KeepAlives keepAlives = new KeepAlives(clock, () -> settings,
            (aor, contact, flow, answered) -> pings.add(new Ping(contact, flow, answered)),
            (aor, contact) -> {
                removed.add(aor + " " + contact);
                return CompletableFuture.completedFuture(true);
            });

    private record Ping(String contact, Flow flow, Consumer<Boolean> answered) {
    }

    private void registerNated() {
        keepAlives.registering(AOR, CONTACT, UDP);
        keepAlives.registered(AOR.toString(), CONTACT);
    }

    @Test
    void storedNatedFlowIsPingedEveryInterval() {
        registerNated();

        keepAlives.tick();
        assertThat(pings).singleElement().satisfies(p -> {
            assertThat(p.flow()).isEqualTo(UDP);
            assertThat(p.contact()).isEqualTo(CONTACT);
        });
        pings.get(0).answered().accept(true);

        clock.advance(INTERVAL.minusSeconds(1));
        keepAlives.tick();
        assertThat(pings).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        keepAlives.tick();
        assertThat(pings).hasSize(2);
        assertThat(keepAlives.pingCount()).isEqualTo(2);
    }

    @Test
    void flowIsNotPingedBeforeTheRegistrarStoredItsBindingAndForgottenIfItNeverDoes() {
        keepAlives.registering(AOR, CONTACT, UDP);

        keepAlives.tick();
        assertThat(pings).isEmpty();
        clock.advance(KeepAlives.PENDING);
        keepAlives.tick();
        assertThat(keepAlives.size()).isZero();
    }

    @Test
    void oneUnansweredPingMarksTheFlowAndAnAnswerWithinTheGraceKeepsIt() {
        registerNated();
        keepAlives.tick();
        pings.get(0).answered().accept(false);
        assertThat(keepAlives.markedCount()).isEqualTo(1);

        clock.advance(INTERVAL);
        keepAlives.tick();
        pings.get(1).answered().accept(true);
        clock.advance(GRACE);
        keepAlives.tick();

        assertThat(removed).isEmpty();
        assertThat(keepAlives.droppedCount()).isZero();
        assertThat(keepAlives.size()).isEqualTo(1);
    }

    @Test
    void flowSilentForTheGraceAfterItsFirstUnansweredPingLosesItsBinding() {
        registerNated();
        keepAlives.tick();
        pings.get(0).answered().accept(false);
        for (int i = 0; i < 2; i++) {
            clock.advance(INTERVAL);
            keepAlives.tick();
            pings.get(pings.size() - 1).answered().accept(false);
        }
        assertThat(removed).as("50 s after the first unanswered ping").isEmpty();

        clock.advance(GRACE.minus(INTERVAL.multipliedBy(2)));
        keepAlives.tick();

        assertThat(removed).containsExactly(AOR + " " + CONTACT);
        assertThat(keepAlives.droppedCount()).isEqualTo(1);
        assertThat(keepAlives.size()).isZero();
        assertThat(keepAlives.markedCount()).as("marked once, not per ping").isEqualTo(1);
    }

    @Test
    void noNewPingWhileOneIsOutstanding() {
        registerNated();
        keepAlives.tick();
        clock.advance(INTERVAL.multipliedBy(3));
        keepAlives.tick();
        assertThat(pings).hasSize(1);
    }

    @Test
    void unregisteredOrNoLongerNatedContactIsNotPinged() {
        registerNated();
        keepAlives.unregistered(AOR.toString(), CONTACT);
        keepAlives.tick();
        assertThat(pings).isEmpty();

        registerNated();
        keepAlives.notNated(AOR, CONTACT);
        keepAlives.tick();
        assertThat(pings).isEmpty();
    }

    @Test
    void tcpFlowsAreLeftToThePhonesCrlfKeepAlives() {
        keepAlives.registering(AOR, CONTACT, new Flow(Transport.TCP, SERVER, UDP.remote(), 9));
        keepAlives.registered(AOR.toString(), CONTACT);
        keepAlives.tick();
        assertThat(pings).isEmpty();
    }

    @Test
    void intervalZeroSwitchesPingsOffLive() {
        registerNated();
        settings = new NatSettings(NatMode.AUTO, List.of(), Duration.ZERO, GRACE, 3478, Duration.ZERO);
        keepAlives.tick();
        assertThat(pings).isEmpty();
    }

    @Test
    void reRegistrationFromANewNatPortIsPingedThereOnceStored() {
        registerNated();
        keepAlives.tick();
        pings.get(0).answered().accept(true);
        Flow moved = new Flow(Transport.UDP, SERVER, new InetSocketAddress("203.0.113.9", 40999), 0);

        keepAlives.registering(AOR, CONTACT, moved);
        keepAlives.registered(AOR.toString(), CONTACT);
        keepAlives.tick();

        assertThat(pings).hasSize(2);
        assertThat(pings.get(1).flow()).isEqualTo(moved);
    }
}
