package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

class ForkingPartsTest {

    private static Target target(String user, double q) {
        return new Target(SipUri.of(user, "192.0.2.1", 5060), q, List.of(), null);
    }

    @Test
    void targetsComeInGroupsOfEqualQHighestFirst() {
        TargetSet set = new TargetSet(List.of(target("low", 0.5), target("a", 1.0), target("b", 1.0),
                target("a", 1.0)));
        assertThat(set.nextGroup()).extracting(t -> t.uri().user()).containsExactly("a", "b");
        assertThat(set.hasPending()).isTrue();
        assertThat(set.nextGroup()).extracting(t -> t.uri().user()).containsExactly("low");
        assertThat(set.nextGroup()).isEmpty();
        assertThat(set.admit(target("b", 0.1))).as("a target is never taken twice").isFalse();
        assertThat(set.admit(target("new", 0.1))).isTrue();
    }

    @Test
    void anUnavailableHostIsSkippedForItsTtlOnly() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        UnavailableHosts hosts = new UnavailableHosts(Duration.ofSeconds(30), 2, clock);
        Destination dead = Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060));
        hosts.mark(dead, 408);
        assertThat(hosts.statusOf(dead)).isEqualTo(408);
        assertThat(hosts.statusOf(Destination.of(Transport.TCP, dead.address()))).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(hosts.statusOf(dead)).isZero();
    }

    @Test
    void aTimeoutMarksOnlyAHostThatStayedSilentSinceTheRequestWentOut() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        UnavailableHosts hosts = new UnavailableHosts(Duration.ofSeconds(30), 10, clock);
        Destination phone = Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.7", 5062));
        long lostBye = hosts.now();
        clock.advance(Duration.ofSeconds(1));
        hosts.heardFrom(phone); // the phone answered another call's INVITE meanwhile
        clock.advance(Duration.ofSeconds(31));

        assertThat(hosts.markSilent(phone, lostBye)).as("one lost transaction of a phone that answers").isFalse();
        assertThat(hosts.statusOf(phone)).isZero();

        long unanswered = hosts.now();
        clock.advance(Duration.ofSeconds(32));
        assertThat(hosts.markSilent(phone, unanswered)).as("silent since the request went out").isTrue();
        assertThat(hosts.statusOf(phone)).isEqualTo(408);
        hosts.heardFrom(phone);
        assertThat(hosts.statusOf(phone)).as("a response clears the mark").isZero();
    }

    @Test
    void unavailableHostsAreBounded() {
        UnavailableHosts hosts = new UnavailableHosts(Duration.ofSeconds(30), 2, Clock.systemUTC());
        for (int port = 1; port <= 5; port++) {
            hosts.mark(Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.1", port)), 503);
        }
        assertThat(hosts.size()).isEqualTo(2);
    }

    @Test
    void aZeroTtlRemembersNothing() {
        UnavailableHosts hosts = new UnavailableHosts(Duration.ZERO, 2, Clock.systemUTC());
        Destination dead = Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060));
        hosts.mark(dead, 503);
        assertThat(hosts.statusOf(dead)).isZero();
    }
}
