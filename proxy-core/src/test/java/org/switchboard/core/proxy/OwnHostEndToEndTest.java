package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.credentials;
import static org.switchboard.core.proxy.ProxyFixture.newCallId;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

/**
 * The proxy and its own host, over real sockets: no relay into other ports of this host for
 * senders it does not vouch for, whatever spelling, name or Route leads there, also within a
 * dialog, where only a phone registered from this host is reached; requests for the
 * server's own listen points answered here and never forwarded to ourselves; unknown methods
 * proxied to users (RFC 3261 §16.3); stray ACKs for us absorbed without DNS.
 */
class OwnHostEndToEndTest {
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
        try (TestUa stranger = TestUa.udp("stranger", proxy.udp()); TestUa pbx = TestUa.udp("pbx", proxy.udp())) {
            int port = pbx.port();
            for (String host : List.of("127.0.0.1", "localhost", "127.0.0.2", "[::ffff:127.0.0.1]", "[::1]")) {
                for (String method : List.of("OPTIONS", "INVITE", "MESSAGE")) {
                    String uri = "sip:x@" + host + ":" + port;
                    stranger.send(stranger.request(method, uri, uri, newCallId(), 1, ""));
                    SipResponse refused = stranger.expectResponse(403);
                    assertThat(refused.reasonPhrase()).as(method + " " + uri).isEqualTo("Relaying Denied");
                }
            }
            pbx.expectNoRequest("INVITE", 300);
            assertThat(pbx.seen()).isEmpty();
        }
    }

    @Test
    void challengesOurUserBeforeEnteringThisHostAndForwardsOnceAuthenticated() throws Exception {
        try (TestUa alice = TestUa.udp("alice-local", proxy.udp()); TestUa pbx = TestUa.udp("pbx2", proxy.udp())) {
            alice.fromDomain = DOMAIN;
            String uri = "sip:x@127.0.0.1:" + pbx.port();
            alice.send(alice.request("MESSAGE", uri, uri, newCallId(), 1, ""));
            alice.expectResponse(407);
            assertThat(pbx.seen()).isEmpty();

            alice.send(alice.request("MESSAGE", uri, uri, newCallId(), 2, credentials("alice-local")));
            SipRequest message = pbx.expectRequest("MESSAGE");
            pbx.respond(message, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    @Test
    void deniesAHopOnThisHostReachedByDnsOrAPreloadedRoute() throws Exception {
        try (TestUa stranger = TestUa.udp("stranger-r", proxy.udp()); TestUa pbx = TestUa.udp("pbx3", proxy.udp());
                TestUa bob = TestUa.udp("bob-r", proxy.udp())) {
            proxy.register("bob-r", bob, 1.0);
            proxy.dns.a.put("innocent.test", List.of(InetAddress.getByName("127.0.0.1")));
            for (String route : List.of("<sip:innocent.test:" + pbx.port() + ";lr>",
                    "<sip:127.0.0.1:" + pbx.port() + ";lr>")) {
                String uri = "sip:bob-r@" + DOMAIN;
                stranger.send(stranger.request("INVITE", uri, uri, newCallId(), 1, "Route: " + route + "\n"));
                assertThat(stranger.expectResponse(403).reasonPhrase()).isEqualTo("Relaying Denied");
            }
            pbx.expectNoRequest("INVITE", 300);
            assertThat(pbx.seen()).isEmpty();
            assertThat(bob.seen()).isEmpty();
        }
    }

    @Test
    void stillRingsAPhoneRegisteredFromThisHost() throws Exception {
        try (TestUa stranger = TestUa.udp("caller-out", proxy.udp()); TestUa phone = TestUa.udp("softphone",
                proxy.udp())) {
            proxy.register("softphone", phone, 1.0);
            stranger.send(stranger.invite("sip:softphone@" + DOMAIN, newCallId()));
            SipRequest invite = phone.expectRequest("INVITE");
            phone.respond(invite, 486, "Busy Here", null);
            stranger.expectResponse(486);
        }
    }

    @Test
    void deniesInDialogRequestsFromStrangersToAPortOfThisHostWhereNoPhoneIsRegistered() throws Exception {
        try (TestUa stranger = TestUa.udp("stranger-d", proxy.udp()); TestUa pbx = TestUa.udp("pbx-d", proxy.udp());
                TestUa phone = TestUa.udp("phone-d", proxy.udp())) {
            proxy.register("phone-d", phone, 1.0); // a phone on this host, at another port
            for (String method : List.of("MESSAGE", "BYE", "INVITE")) {
                stranger.send(inDialog(stranger, method, "sip:x@127.0.0.1:" + pbx.port()));
                assertThat(stranger.expectResponse(403).reasonPhrase()).as(method).isEqualTo("Relaying Denied");
            }
            pbx.expectNoRequest("MESSAGE", 300);
            assertThat(pbx.seen()).isEmpty();
            assertThat(phone.seen()).isEmpty();
        }
    }

    @Test
    void forwardsInDialogRequestsFromStrangersToAPhoneRegisteredOnThisHost() throws Exception {
        try (TestUa stranger = TestUa.udp("stranger-p", proxy.udp());
                TestUa phone = TestUa.udp("softphone-p", proxy.udp())) {
            proxy.register("softphone-p", phone, 1.0);
            for (String method : List.of("MESSAGE", "BYE")) {
                stranger.send(inDialog(stranger, method, phone.contact()));
                SipRequest arrived = phone.expectRequest(method);
                assertThat(arrived.requestUri()).isEqualTo(phone.contact());
                phone.respond(arrived, 200, "OK", null);
                assertThat(stranger.expectResponse(200).cseq().method()).isEqualTo(method);
            }
        }
    }

    @Test
    void dropsAnAckFromAStrangerToAPortOfThisHostWhereNoPhoneIsRegistered() throws Exception {
        try (TestUa stranger = TestUa.udp("stranger-a", proxy.udp()); TestUa pbx = TestUa.udp("pbx-a", proxy.udp());
                TestUa phone = TestUa.udp("softphone-a", proxy.udp())) {
            proxy.register("softphone-a", phone, 1.0);
            stranger.send(inDialog(stranger, "ACK", "sip:x@127.0.0.1:" + pbx.port()));
            stranger.send(inDialog(stranger, "ACK", phone.contact()));
            // the second ACK arrives at the registered phone, so the first was handled by then
            phone.expectRequest("ACK");
            pbx.expectNoRequest("ACK", 300);
            assertThat(pbx.seen()).isEmpty();
            assertThat(stranger.seen()).isEmpty();
        }
    }

    /** A request within a dialog (To tag) from {@code ua}, routed through the proxy (loose routing). */
    private static String inDialog(TestUa ua, String method, String uri) {
        String request = ua.request(method, uri, uri, newCallId(), 2,
                "Route: <sip:127.0.0.1:" + proxy.udp().getPort() + ";lr>\n");
        return request.replace("To: <" + uri + ">\n", "To: <" + uri + ">;tag=remote-tag\n");
    }

    @Test
    void answersRequestsForItsOwnListenPointsWithoutForwardingThem() throws Exception {
        try (TestUa stranger = TestUa.udp("prober", proxy.udp()); TestUa alice = TestUa.udp("alice-self",
                proxy.udp()); TestUa six = TestUa.udp("prober6", proxy.udp6())) {
            String self = "sip:127.0.0.1:" + proxy.udp().getPort();
            stranger.send(stranger.request("MESSAGE", self, self, newCallId(), 1, ""));
            SipResponse notAllowed = stranger.expectResponse(405);
            assertThat(notAllowed.header(HeaderName.ALLOW)).isEqualTo("OPTIONS");

            String user = "sip:someone@localhost:" + proxy.udp().getPort();
            stranger.send(stranger.request("INVITE", user, user, newCallId(), 1, ""));
            stranger.expectResponse(404);

            stranger.send(stranger.request("NEWMETHOD", self, self, newCallId(), 1, ""));
            assertThat(stranger.expectResponse(501).header(HeaderName.ALLOW)).contains("INVITE");

            String self6 = "sip:[::1]:" + proxy.udp6().getPort();
            six.send(six.request("OPTIONS", self6, self6, newCallId(), 1, ""));
            six.expectResponse(200);
            six.send(six.request("INFO", self6, self6, newCallId(), 1, ""));
            six.expectResponse(405);

            // our authenticated user is answered too, not forked back to us and challenged again
            alice.fromDomain = DOMAIN;
            for (String method : List.of("MESSAGE", "INFO", "PUBLISH")) {
                alice.send(alice.request(method, self, self, newCallId(), 1, credentials("alice-self")));
                alice.expectResponse(405);
            }
            assertThat(alice.seen()).noneMatch(m -> m instanceof SipResponse r && r.statusCode() == 407);
        }
    }

    @Test
    void routesAUserOfOurDomainAddressedWithOurPort() throws Exception {
        try (TestUa caller = TestUa.udp("caller-p", proxy.udp()); TestUa erin = TestUa.udp("erin-p", proxy.udp())) {
            proxy.register("erin-p", erin, 1.0);
            String uri = "sip:erin-p@" + DOMAIN + ":" + proxy.udp().getPort();
            caller.send(caller.request("MESSAGE", uri, uri, newCallId(), 1, ""));
            SipRequest message = erin.expectRequest("MESSAGE");
            erin.respond(message, 200, "OK", null);
            caller.expectResponse(200);
        }
    }

    @Test
    void proxiesAnUnknownMethodToARegisteredUser() throws Exception {
        try (TestUa stranger = TestUa.udp("newcomer", proxy.udp()); TestUa carol = TestUa.udp("carol-n",
                proxy.udp())) {
            proxy.register("carol-n", carol, 1.0);
            String uri = "sip:carol-n@" + DOMAIN;
            stranger.send(stranger.request("NEWMETHOD", uri, uri, newCallId(), 1, ""));
            SipRequest arrived = carol.expectRequest("NEWMETHOD");
            assertThat(arrived.requestUri()).isEqualTo(carol.contact());
            carol.respond(arrived, 200, "OK", null);
            stranger.expectResponse(200);
        }
    }

    @Test
    void absorbsAStrayAckForUsWithoutDnsOrForwarding() throws Exception {
        try (TestUa stranger = TestUa.udp("acker", proxy.udp()); TestUa dave = TestUa.udp("dave-a", proxy.udp())) {
            proxy.register("dave-a", dave, 1.0);
            String self = "sip:127.0.0.1:" + proxy.udp().getPort();
            for (String uri : List.of("sip:dave-a@" + DOMAIN, "sip:" + DOMAIN, self)) {
                stranger.send(stranger.request("ACK", uri, uri, newCallId(), 1, ""));
            }
            // an OPTIONS after the ACKs on the same socket: once it is answered, the ACKs were handled
            stranger.send(stranger.request("OPTIONS", self, self, newCallId(), 1, ""));
            stranger.expectResponse(200);
            dave.expectNoRequest("ACK", 300);
            assertThat(proxy.dns.queried).noneMatch(name -> name.contains(DOMAIN));
            assertThat(stranger.seen()).allMatch(m -> m instanceof SipResponse r && r.cseq().method().equals("OPTIONS"));
        }
    }
}
