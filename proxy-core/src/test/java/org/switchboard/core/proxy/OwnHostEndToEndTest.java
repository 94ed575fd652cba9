package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.ua;
import static org.switchboard.core.proxy.ProxyFixture.withCredentials;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * The proxy and its own host, over real sockets: no relay into other ports of this host for
 * senders it does not vouch for, whatever spelling, name or Route leads there, also within a
 * dialog, where only a phone registered from this host is reached; requests for the
 * server's own listen points answered here and never forwarded to ourselves; unknown methods
 * proxied to users (RFC 3261 §16.3); stray ACKs for us absorbed without DNS.
 */
class OwnHostEndToEndTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    private static ProxyFixture proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = new ProxyFixture();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void deniesRelayToLoopbackPortsWeDoNotListenOn() throws Exception {
        try (Phone stranger = ua("stranger", proxy.udp()); Phone pbx = ua("pbx", proxy.udp())) {
            int port = pbx.localAddress().getPort();
            for (String host : List.of("127.0.0.1", "localhost", "127.0.0.2", "[::ffff:127.0.0.1]", "[::1]")) {
                for (String method : List.of("OPTIONS", "INVITE", "MESSAGE")) {
                    String uri = "sip:x@" + host + ":" + port;
                    SipMessage refused = stranger.send(stranger.newRequest(method, uri)).expect(403).response();
                    assertThat(refused.reason()).as(method + " " + uri).isEqualTo("Relaying Denied");
                }
            }
            pbx.expectNothing(Match.request("INVITE"), QUIET);
            assertThat(pbx.received()).isEmpty();
        }
    }

    @Test
    void challengesOurUserBeforeEnteringThisHostAndForwardsOnceAuthenticated() throws Exception {
        try (Phone alice = ua("alice-local", DOMAIN, proxy.udp()); Phone pbx = ua("pbx2", proxy.udp())) {
            String uri = "sip:x@127.0.0.1:" + pbx.localAddress().getPort();
            alice.send(alice.newRequest("MESSAGE", uri)).expect(407);
            assertThat(pbx.received()).isEmpty();

            var sent = alice.send(withCredentials("alice-local").apply(alice.newRequest("MESSAGE", uri))
                    .with("CSeq", "2 MESSAGE"));
            pbx.expect("MESSAGE").respond(200);
            sent.expect(200);
        }
    }

    @Test
    void deniesAHopOnThisHostReachedByDnsOrAPreloadedRoute() throws Exception {
        try (Phone stranger = ua("stranger-r", proxy.udp()); Phone pbx = ua("pbx3", proxy.udp());
                Phone bob = ua("bob-r", proxy.udp())) {
            proxy.register("bob-r", bob, 1.0);
            proxy.dns.a.put("innocent.test", List.of(InetAddress.getByName("127.0.0.1")));
            int port = pbx.localAddress().getPort();
            for (String route : List.of("<sip:innocent.test:" + port + ";lr>", "<sip:127.0.0.1:" + port + ";lr>")) {
                String uri = "sip:bob-r@" + DOMAIN;
                SipMessage refused = stranger.send(stranger.newRequest("INVITE", uri).with("Route", route))
                        .expect(403).response();
                assertThat(refused.reason()).isEqualTo("Relaying Denied");
            }
            pbx.expectNothing(Match.request("INVITE"), QUIET);
            assertThat(pbx.received()).isEmpty();
            assertThat(bob.received()).isEmpty();
        }
    }

    @Test
    void stillRingsAPhoneRegisteredFromThisHost() throws Exception {
        try (Phone stranger = ua("caller-out", proxy.udp()); Phone phone = ua("softphone", proxy.udp())) {
            proxy.register("softphone", phone, 1.0);
            var call = stranger.call("sip:softphone@" + DOMAIN);
            phone.expect("INVITE").reject(486);
            call.expect(486);
        }
    }

    @Test
    void deniesInDialogRequestsFromStrangersToAPortOfThisHostWhereNoPhoneIsRegistered() throws Exception {
        try (Phone stranger = ua("stranger-d", proxy.udp()); Phone pbx = ua("pbx-d", proxy.udp());
                Phone phone = ua("phone-d", proxy.udp())) {
            proxy.register("phone-d", phone, 1.0); // a phone on this host, at another port
            for (String method : List.of("MESSAGE", "BYE", "INVITE")) {
                SipMessage refused = stranger.send(inDialog(stranger, method, "sip:x@127.0.0.1:"
                        + pbx.localAddress().getPort())).expect(403).response();
                assertThat(refused.reason()).as(method).isEqualTo("Relaying Denied");
            }
            pbx.expectNothing(Match.request("MESSAGE"), QUIET);
            assertThat(pbx.received()).isEmpty();
            assertThat(phone.received()).isEmpty();
        }
    }

    @Test
    void forwardsInDialogRequestsFromStrangersToAPhoneRegisteredOnThisHost() throws Exception {
        try (Phone stranger = ua("stranger-p", proxy.udp()); Phone phone = ua("softphone-p", proxy.udp())) {
            proxy.register("softphone-p", phone, 1.0);
            for (String method : List.of("MESSAGE", "BYE")) {
                var sent = stranger.send(inDialog(stranger, method, phone.contact()));
                Incoming arrived = phone.expect(method);
                assertThat(arrived.request().requestUri()).isEqualTo(phone.contact());
                arrived.respond(200);
                assertThat(sent.expectFinal().status()).isEqualTo(200);
            }
        }
    }

    @Test
    void dropsAnAckFromAStrangerToAPortOfThisHostWhereNoPhoneIsRegistered() throws Exception {
        try (Phone stranger = ua("stranger-a", proxy.udp()); Phone pbx = ua("pbx-a", proxy.udp());
                Phone phone = ua("softphone-a", proxy.udp())) {
            proxy.register("softphone-a", phone, 1.0);
            stranger.send(inDialog(stranger, "ACK", "sip:x@127.0.0.1:" + pbx.localAddress().getPort()),
                    proxy.udp());
            stranger.send(inDialog(stranger, "ACK", phone.contact()), proxy.udp());
            // the second ACK arrives at the registered phone, so the first was handled by then
            phone.expect("ACK");
            pbx.expectNothing(Match.request("ACK"), QUIET);
            assertThat(pbx.received()).isEmpty();
            assertThat(stranger.received()).isEmpty();
        }
    }

    /** A request within a dialog (To tag) from {@code ua}, routed through the proxy (loose routing). */
    private static SipMessage inDialog(Phone ua, String method, String uri) {
        return ua.newRequest(method, uri).with("CSeq", "2 " + method)
                .with("Route", "<sip:127.0.0.1:" + proxy.udp().getPort() + ";lr>")
                .with("To", "<" + uri + ">;tag=remote-tag");
    }

    @Test
    void answersRequestsForItsOwnListenPointsWithoutForwardingThem() throws Exception {
        try (Phone stranger = ua("prober", proxy.udp()); Phone alice = ua("alice-self", DOMAIN, proxy.udp());
                Phone six = ua("prober6", proxy.udp6())) {
            String self = "sip:127.0.0.1:" + proxy.udp().getPort();
            SipMessage notAllowed = stranger.send(stranger.newRequest("MESSAGE", self)).expect(405).response();
            assertThat(notAllowed.header("Allow")).contains("OPTIONS");

            String user = "sip:someone@localhost:" + proxy.udp().getPort();
            stranger.send(stranger.newRequest("INVITE", user)).expect(404);

            assertThat(stranger.send(stranger.newRequest("NEWMETHOD", self)).expect(501).response().header("Allow"))
                    .hasValueSatisfying(allow -> assertThat(allow).contains("INVITE"));

            String self6 = "sip:[::1]:" + proxy.udp6().getPort();
            six.send(six.newRequest("OPTIONS", self6)).expect(200);
            six.send(six.newRequest("INFO", self6)).expect(405);

            // our authenticated user is answered too, not forked back to us and challenged again
            for (String method : List.of("MESSAGE", "INFO", "PUBLISH")) {
                alice.send(withCredentials("alice-self").apply(alice.newRequest(method, self))).expect(405);
            }
            assertThat(alice.received()).noneMatch(m -> !m.isRequest() && m.status() == 407);
        }
    }

    @Test
    void routesAUserOfOurDomainAddressedWithOurPort() throws Exception {
        try (Phone caller = ua("caller-p", proxy.udp()); Phone erin = ua("erin-p", proxy.udp())) {
            proxy.register("erin-p", erin, 1.0);
            String uri = "sip:erin-p@" + DOMAIN + ":" + proxy.udp().getPort();
            var sent = caller.send(caller.newRequest("MESSAGE", uri));
            erin.expect("MESSAGE").respond(200);
            sent.expect(200);
        }
    }

    @Test
    void proxiesAnUnknownMethodToARegisteredUser() throws Exception {
        try (Phone stranger = ua("newcomer", proxy.udp()); Phone carol = ua("carol-n", proxy.udp())) {
            proxy.register("carol-n", carol, 1.0);
            String uri = "sip:carol-n@" + DOMAIN;
            var sent = stranger.send(stranger.newRequest("NEWMETHOD", uri));
            Incoming arrived = carol.expect("NEWMETHOD");
            assertThat(arrived.request().requestUri()).isEqualTo(carol.contact());
            arrived.respond(200);
            sent.expect(200);
        }
    }

    @Test
    void absorbsAStrayAckForUsWithoutDnsOrForwarding() throws Exception {
        try (Phone stranger = ua("acker", proxy.udp()); Phone dave = ua("dave-a", proxy.udp())) {
            proxy.register("dave-a", dave, 1.0);
            String self = "sip:127.0.0.1:" + proxy.udp().getPort();
            InetSocketAddress to = proxy.udp();
            for (String uri : List.of("sip:dave-a@" + DOMAIN, "sip:" + DOMAIN, self)) {
                stranger.send(stranger.newRequest("ACK", uri), to);
            }
            // an OPTIONS after the ACKs on the same socket: once it is answered, the ACKs were handled
            stranger.send(stranger.newRequest("OPTIONS", self)).expect(200);
            dave.expectNothing(Match.request("ACK"), QUIET);
            assertThat(proxy.dns.queried).noneMatch(name -> name.contains(DOMAIN));
            assertThat(stranger.received()).allMatch(m -> !m.isRequest() && m.cseqMethod().equals("OPTIONS"));
        }
    }
}
