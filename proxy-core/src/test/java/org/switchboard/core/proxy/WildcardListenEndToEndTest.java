package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.ua;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.sip.SipMessage;

/**
 * A proxy listening on the wildcards 0.0.0.0 and [::], as the server does by default: a request that
 * arrives over UDP at a loopback address is forwarded with Via and Record-Route naming that address,
 * not the machine's first interface address, which the caller may not reach (a multi-homed server).
 */
class WildcardListenEndToEndTest {
    private static ProxyFixture proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = new ProxyFixture(List.of(new ListenPoint(Transport.UDP, new InetSocketAddress("0.0.0.0", 0)),
                new ListenPoint(Transport.TCP, new InetSocketAddress("0.0.0.0", 0)),
                new ListenPoint(Transport.UDP, new InetSocketAddress("::", 0))));
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void viaAndRecordRouteNameTheAddressTheRequestArrivedAt(String host) throws Exception {
        InetAddress loopback = InetAddress.getByName(host);
        boolean ipv6 = loopback.getAddress().length == 16;
        int port = (ipv6 ? proxy.udp6() : proxy.udp()).getPort();
        InetSocketAddress arrivedAt = new InetSocketAddress(loopback, port);
        String hostPort = (ipv6 ? "[" + host + "]" : host) + ":" + port;
        String user = "bob-" + (ipv6 ? "v6" : "v4");
        try (Phone alice = ua("alice-" + user, arrivedAt); Phone bob = ua(user, arrivedAt)) {
            proxy.register(user, bob, 1.0);
            alice.call("sip:" + user + "@" + DOMAIN);

            SipMessage invite = bob.expect("INVITE").request();
            assertThat(invite.headerValues("Via").get(0)).startsWith("SIP/2.0/UDP " + hostPort + ";");
            assertThat(invite.headerValues("Record-Route")).containsExactly(
                    "<sip:" + hostPort + ";transport=udp;lr>");
        }
    }
}
