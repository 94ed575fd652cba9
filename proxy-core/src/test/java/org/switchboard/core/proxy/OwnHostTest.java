package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

class OwnHostTest {
    private final OwnHost host = OwnHost.of(List.of(address("192.0.2.2"), address("2001:db8::2")));
    private final ProxyFixture.Location phones = new ProxyFixture.Location();
    private final OwnHostHops hops = new OwnHostHops(host, List.of(
            new ListenPoint(Transport.UDP, new InetSocketAddress(address("0.0.0.0"), 5060)),
            new ListenPoint(Transport.TCP, new InetSocketAddress(address("127.0.0.1"), 5060))), phones);

    @Test
    void everySpellingOfLoopbackAndOfOurAddressesIsThisHost() {
        for (String h : List.of("127.0.0.1", "127.1.2.3", "::1", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]",
                "::ffff:7f00:2", "0.0.0.0", "[::]", "192.0.2.2", "[::ffff:192.0.2.2]", "[2001:DB8:0::2]", "localhost",
                "LOCALHOST.", "phone.localhost")) {
            assertThat(host.isNamedBy(h)).as(h).isTrue();
        }
    }

    @Test
    void otherAddressesAndNamesAreNot() {
        for (String h : List.of("192.0.2.3", "[2001:db8::3]", "::ffff:192.0.2.3", "example.com", "localhost.example.com",
                "128.0.0.1")) {
            assertThat(host.isNamedBy(h)).as(h).isFalse();
        }
    }

    @Test
    void ourListenPointsAreNeverAHopAndOtherPortsOnlyWhenAllowed() {
        assertThat(hops.refusal(hop("127.0.0.1", 5060), true)).isEqualTo(482);
        assertThat(hops.refusal(hop("::ffff:192.0.2.2", 5060), true)).isEqualTo(482);
        assertThat(hops.refusal(tcpHop("::ffff:127.0.0.1", 5060), true)).isEqualTo(482);
        // TCP listens on 127.0.0.1 only: another address of this host at that port is another socket
        assertThat(hops.refusal(tcpHop("192.0.2.2", 5060), true)).isEqualTo(OwnHostHops.ALLOWED);
        assertThat(hops.refusal(tcpHop("192.0.2.2", 5060), false)).isEqualTo(403);
        assertThat(hops.refusal(hop("127.0.0.1", 26999), false)).isEqualTo(403);
        assertThat(hops.refusal(hop("192.0.2.2", 26999), false)).isEqualTo(403);
        assertThat(hops.refusal(hop("127.0.0.1", 26999), true)).isEqualTo(OwnHostHops.ALLOWED);
        assertThat(hops.refusal(hop("192.0.2.3", 5060), false)).isEqualTo(OwnHostHops.ALLOWED);
    }

    @Test
    void anyoneMayReachAPortOfThisHostWhereARegisteredPhoneIs() {
        // a softphone on this host: UDP from its port, and a TCP one that connected from a passing port
        phones.add("soft", new RegisteredContact("sip:soft@127.0.0.1:5062", 1.0, List.of(),
                new Flow(Transport.UDP, new InetSocketAddress(address("127.0.0.1"), 5060),
                        new InetSocketAddress(address("127.0.0.1"), 5062), 0), Instant.MAX, null, 0));
        phones.add("tcp", new RegisteredContact("sip:tcp@[::1]:5064;transport=tcp", 1.0, List.of(),
                new Flow(Transport.TCP, new InetSocketAddress(address("::1"), 5060),
                        new InetSocketAddress(address("::1"), 40000), 7), Instant.MAX, null, 0));

        assertThat(hops.refusal(hop("127.0.0.1", 5062), false)).isEqualTo(OwnHostHops.ALLOWED);
        assertThat(hops.refusal(tcpHop("::1", 5064), false)).isEqualTo(OwnHostHops.ALLOWED);
        assertThat(hops.refusal(tcpHop("::1", 40000), false)).isEqualTo(OwnHostHops.ALLOWED);
        // the same ports over another transport, or another port, are not where the phone is
        assertThat(hops.refusal(tcpHop("127.0.0.1", 5062), false)).isEqualTo(403);
        assertThat(hops.refusal(hop("::1", 5064), false)).isEqualTo(403);
        assertThat(hops.refusal(hop("127.0.0.1", 5063), false)).isEqualTo(403);
        // a phone at one of our listen points is still us
        phones.add("us", new RegisteredContact("sip:us@127.0.0.1:5060", 1.0, List.of(),
                new Flow(Transport.UDP, new InetSocketAddress(address("127.0.0.1"), 5060),
                        new InetSocketAddress(address("127.0.0.1"), 5060), 0), Instant.MAX, null, 0));
        assertThat(hops.refusal(hop("127.0.0.1", 5060), false)).isEqualTo(482);
    }

    private static Destination tcpHop(String address, int port) {
        return Destination.of(Transport.TCP, new InetSocketAddress(address(address), port));
    }

    private static Destination hop(String address, int port) {
        return Destination.of(Transport.UDP, new InetSocketAddress(address(address), port));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
