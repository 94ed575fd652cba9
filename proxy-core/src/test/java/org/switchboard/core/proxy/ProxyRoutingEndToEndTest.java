package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.credentials;
import static org.switchboard.core.proxy.ProxyFixture.newCallId;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.dns.SrvRecord;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Where the proxy sends requests, and what it answers when it cannot: unknown and unregistered
 * users, Max-Forwards, URI schemes, loops, redirects, authentication of our own users, DNS SRV
 * failover and unavailable next hops.
 */
class ProxyRoutingEndToEndTest {
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
    void answersWhatCannotBeRouted() throws Exception {
        proxy.domains.users.add("sleeper");
        try (TestUa alice = TestUa.udp("alice", proxy.udp())) {
            alice.send(alice.invite("sip:nobody@" + DOMAIN, newCallId()));
            assertThat(alice.expectResponse(404).reasonPhrase()).isEqualTo("Not Found");

            alice.send(alice.invite("sip:sleeper@" + DOMAIN, newCallId()));
            assertThat(alice.expectResponse(480).reasonPhrase()).isEqualTo("Temporarily Unavailable");

            alice.send(alice.invite("sip:sleeper@" + DOMAIN, newCallId()).replace("Max-Forwards: 70", "Max-Forwards: 0"));
            alice.expectResponse(483);

            alice.send(alice.invite("tel:+4930123456", newCallId()));
            alice.expectResponse(416);
        }
    }

    @Test
    void detectsARequestThatComesBackUnchanged() throws Exception {
        // loopy's contact is the proxy itself: the first return is a spiral (new Request-URI), the second a loop
        String self = "sip:loopy@127.0.0.1:" + proxy.udp().getPort();
        proxy.location.add("loopy", new RegisteredContact(self, 1.0, List.of(),
                new Flow(Transport.UDP, proxy.udp(), proxy.udp(), 0), Instant.now().plusSeconds(3600), null, 0));
        proxy.domains.users.add("loopy");
        try (TestUa alice = TestUa.udp("alice-loop", proxy.udp())) {
            alice.send(alice.invite("sip:loopy@" + DOMAIN, newCallId()));
            assertThat(alice.expectResponse(482).reasonPhrase()).isEqualTo("Loop Detected");
        }
    }

    @Test
    void followsARedirectAndTellsTheCaller() throws Exception {
        try (TestUa alice = TestUa.udp("alice-r", proxy.udp()); TestUa forwarder = TestUa.udp("hank", proxy.udp());
                TestUa target = TestUa.udp("ivy", proxy.udp())) {
            proxy.register("hank", forwarder, 1.0);
            proxy.register("ivy", target, 1.0);
            alice.send(alice.invite("sip:hank@" + DOMAIN, newCallId()));
            SipRequest first = forwarder.expectRequest("INVITE");
            forwarder.respond(first, 302, "Moved Temporarily", "Contact: <sip:ivy@" + DOMAIN + ">");

            alice.expectResponse(181);
            SipRequest redirected = target.expectRequest("INVITE");
            assertThat(redirected.requestUri()).isEqualTo(target.contact());
            target.respond(redirected, 200, "OK", null);
            assertThat(alice.expectResponse(200).to().tag()).isEqualTo("ivy-totag");
        }
    }

    @Test
    void challengesOurOwnUserThenForwardsWithoutTheCredentials() throws Exception {
        try (TestUa alice = TestUa.udp("alice", proxy.udp()); TestUa bob = TestUa.udp("jack", proxy.udp())) {
            alice.fromDomain = DOMAIN;
            proxy.register("jack", bob, 1.0);
            String challenged = alice.invite("sip:jack@" + DOMAIN, newCallId());
            alice.send(challenged);
            SipResponse challenge = alice.expectResponse(407);
            alice.send(ProxyFixture.ackFor(challenged, challenge));
            assertThat(challenge.header(HeaderName.PROXY_AUTHENTICATE)).startsWith("Digest realm=\"" + DOMAIN + "\"");
            bob.expectNoRequest("INVITE", 200);

            String callId = newCallId();
            alice.send(alice.request("INVITE", "sip:jack@" + DOMAIN, "sip:jack@" + DOMAIN, callId, 2,
                    credentials("alice")));
            SipRequest invite = bob.expectRequest("INVITE");
            assertThat(invite.callId()).isEqualTo(callId);
            assertThat(invite.headers().contains(HeaderName.PROXY_AUTHORIZATION)).isFalse();
            bob.respond(invite, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    @Test
    void refusesCredentialsOfAnotherUser() throws Exception {
        try (TestUa mallory = TestUa.udp("mallory", proxy.udp())) {
            mallory.fromDomain = DOMAIN;
            mallory.send(mallory.request("INVITE", "sip:jack@" + DOMAIN, "sip:jack@" + DOMAIN, newCallId(), 1,
                    credentials("alice")));
            mallory.expectResponse(403);
        }
    }

    @Test
    void refusesToRelayBetweenTwoForeignDomains() throws Exception {
        try (TestUa stranger = TestUa.udp("stranger", proxy.udp()); TestUa gw = TestUa.udp("gw", proxy.udp())) {
            proxy.dns.srv.put("_sip._udp.relay.test", List.of(new SrvRecord(10, 0, gw.port(), "gw.relay.test")));
            proxy.dns.a.put("gw.relay.test", List.of(InetAddress.getByName("127.0.0.1")));

            stranger.send(stranger.invite("sip:+4930123@relay.test", newCallId()));

            SipResponse refused = stranger.expectResponse(403);
            assertThat(refused.reasonPhrase()).isEqualTo("Relaying Denied");
            gw.expectNoRequest("INVITE", 300);
        }
    }

    @Test
    void failsOverToTheNextSrvTargetOn503() throws Exception {
        try (TestUa alice = TestUa.udp("alice-gw", proxy.udp()); TestUa gw1 = TestUa.udp("gw1", proxy.udp());
                TestUa gw2 = TestUa.udp("gw2", proxy.udp())) {
            proxy.dns.srv.put("_sip._udp.gw.test", List.of(
                    new SrvRecord(20, 0, gw2.port(), "gw2.gw.test"),
                    new SrvRecord(10, 0, gw1.port(), "gw1.gw.test")));
            proxy.dns.a.put("gw1.gw.test", List.of(InetAddress.getByName("127.0.0.1")));
            proxy.dns.a.put("gw2.gw.test", List.of(InetAddress.getByName("127.0.0.1")));

            // a local user calling out through the gateways: authenticated, so no open relay
            alice.fromDomain = DOMAIN;
            alice.send(alice.request("INVITE", "sip:+4930123@gw.test", "sip:+4930123@gw.test", newCallId(), 1,
                    credentials("alice-gw")));
            SipRequest first = gw1.expectRequest("INVITE");
            assertThat(first.requestUri()).isEqualTo("sip:+4930123@gw.test");
            gw1.respond(first, 503, "Service Unavailable", null);
            SipRequest second = gw2.expectRequest("INVITE");
            assertThat(second.topVia().branch()).isNotEqualTo(first.topVia().branch());
            gw2.respond(second, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    @Test
    void skipsANextHopThatDidNotAnswerForTheUnavailableHostTtl() throws Exception {
        try (TestUa alice = TestUa.udp("alice-dead", proxy.udp()); TestUa dead = TestUa.udp("kate", proxy.udp())) {
            proxy.register("kate", dead, 1.0);
            alice.send(alice.invite("sip:kate@" + DOMAIN, newCallId()));
            dead.expectRequest("INVITE"); // and never answers: Timer B (64*T1) marks it unavailable
            alice.expectResponse(408, 5000);
            Thread.sleep(ProxyFixture.FAST.transactionTimeoutMillis() + 300 - ProxyFixture.RING_TIMEOUT.toMillis());

            long start = System.nanoTime();
            String second = newCallId();
            alice.send(alice.invite("sip:kate@" + DOMAIN, second));
            alice.expectResponse(408, 1000);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
            Thread.sleep(200);
            assertThat(dead.seen()).noneMatch(m -> second.equals(m.callId()));
        }
    }
}
