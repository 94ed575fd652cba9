package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

class OwnHostTest {
    private final OwnHost host = OwnHost.of(List.of(address("192.0.2.2"), address("2001:db8::2")));
    private final OwnHostHops hops = new OwnHostHops(host, List.of(
            new ListenPoint(Transport.UDP, new InetSocketAddress(address("0.0.0.0"), 5060)),
            new ListenPoint(Transport.TCP, new InetSocketAddress(address("127.0.0.1"), 5060))));

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
