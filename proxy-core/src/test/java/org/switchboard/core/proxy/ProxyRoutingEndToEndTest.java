package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.ua;
import static org.switchboard.core.proxy.ProxyFixture.withCredentials;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.dns.SrvRecord;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

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
        try (Phone alice = ua("alice", proxy.udp())) {
            assertThat(alice.call("sip:nobody@" + DOMAIN).expect(404).response().reason()).isEqualTo("Not Found");

            assertThat(alice.call("sip:sleeper@" + DOMAIN).expect(480).response().reason())
                    .isEqualTo("Temporarily Unavailable");

            alice.call("sip:sleeper@" + DOMAIN, m -> m.with("Max-Forwards", "0")).expect(483);

            alice.call("tel:+4930123456").expect(416);
        }
    }

    @Test
    void detectsARequestThatComesBackUnchanged() throws Exception {
        // loopy's contact is the proxy itself: the first return is a spiral (new Request-URI), the second a loop
        String self = "sip:loopy@127.0.0.1:" + proxy.udp().getPort();
        proxy.location.add("loopy", new RegisteredContact(self, 1.0, List.of(),
                new Flow(Transport.UDP, proxy.udp(), proxy.udp(), 0), Instant.now().plusSeconds(3600), null, 0));
        proxy.domains.users.add("loopy");
        try (Phone alice = ua("alice-loop", proxy.udp())) {
            assertThat(alice.call("sip:loopy@" + DOMAIN).expect(482).response().reason()).isEqualTo("Loop Detected");
        }
    }

    @Test
    void followsARedirectAndTellsTheCaller() throws Exception {
        try (Phone alice = ua("alice-r", proxy.udp()); Phone forwarder = ua("hank", proxy.udp());
                Phone target = ua("ivy", proxy.udp())) {
            proxy.register("hank", forwarder, 1.0);
            proxy.register("ivy", target, 1.0);
            Call call = alice.call("sip:hank@" + DOMAIN);
            forwarder.expect("INVITE").respond(302, m -> m.with("Contact", "<sip:ivy@" + DOMAIN + ">"));

            call.expect(181);
            Incoming redirected = target.expect("INVITE");
            assertThat(redirected.request().requestUri()).isEqualTo(target.contact());
            redirected.answer();
            assertThat(call.expect(200).response().toTag()).contains(redirected.toTag());
        }
    }

    @Test
    void challengesOurOwnUserThenForwardsWithoutTheCredentials() throws Exception {
        try (Phone alice = ua("alice", DOMAIN, proxy.udp()); Phone bob = ua("jack", proxy.udp())) {
            proxy.register("jack", bob, 1.0);
            SipMessage challenge = alice.call("sip:jack@" + DOMAIN).expect(407).response();
            assertThat(challenge.header("Proxy-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Digest realm=\"" + DOMAIN + "\""));
            bob.expectNothing(Match.request("INVITE"), Duration.ofMillis(200));

            Call call = alice.call("sip:jack@" + DOMAIN, m -> withCredentials("alice").apply(m).with("CSeq",
                    "2 INVITE"));
            Incoming invite = bob.expect("INVITE");
            assertThat(invite.request().callId()).isEqualTo(call.callId());
            assertThat(invite.request().header("Proxy-Authorization")).isEmpty();
            invite.answer();
            call.expect(200);
        }
    }

    @Test
    void refusesCredentialsOfAnotherUser() throws Exception {
        try (Phone mallory = ua("mallory", DOMAIN, proxy.udp())) {
            mallory.call("sip:jack@" + DOMAIN, withCredentials("alice")).expect(403);
        }
    }

    @Test
    void refusesToRelayBetweenTwoForeignDomains() throws Exception {
        try (Phone stranger = ua("stranger", proxy.udp()); Phone gw = ua("gw", proxy.udp())) {
            proxy.dns.srv.put("_sip._udp.relay.test", List.of(new SrvRecord(10, 0, gw.localAddress().getPort(),
                    "gw.relay.test")));
            proxy.dns.a.put("gw.relay.test", List.of(InetAddress.getByName("127.0.0.1")));

            SipMessage refused = stranger.call("sip:+4930123@relay.test").expect(403).response();

            assertThat(refused.reason()).isEqualTo("Relaying Denied");
            gw.expectNothing(Match.request("INVITE"), Duration.ofMillis(300));
        }
    }

    @Test
    void failsOverToTheNextSrvTargetOn503() throws Exception {
        try (Phone alice = ua("alice-gw", DOMAIN, proxy.udp()); Phone gw1 = ua("gw1", proxy.udp());
                Phone gw2 = ua("gw2", proxy.udp())) {
            proxy.dns.srv.put("_sip._udp.gw.test", List.of(
                    new SrvRecord(20, 0, gw2.localAddress().getPort(), "gw2.gw.test"),
                    new SrvRecord(10, 0, gw1.localAddress().getPort(), "gw1.gw.test")));
            proxy.dns.a.put("gw1.gw.test", List.of(InetAddress.getByName("127.0.0.1")));
            proxy.dns.a.put("gw2.gw.test", List.of(InetAddress.getByName("127.0.0.1")));

            // a local user calling out through the gateways: authenticated, so no open relay
            Call call = alice.call("sip:+4930123@gw.test", withCredentials("alice-gw"));
            Incoming first = gw1.expect("INVITE");
            assertThat(first.request().requestUri()).isEqualTo("sip:+4930123@gw.test");
            first.reject(503);
            Incoming second = gw2.expect("INVITE");
            assertThat(second.request().topBranch()).isNotEqualTo(first.request().topBranch());
            second.answer();
            call.expect(200);
        }
    }

    @Test
    void skipsANextHopThatDidNotAnswerForTheUnavailableHostTtl() throws Exception {
        try (Phone alice = ua("alice-dead", proxy.udp()); Phone dead = ua("kate", proxy.udp())) {
            proxy.register("kate", dead, 1.0);
            Call first = alice.call("sip:kate@" + DOMAIN);
            dead.expect("INVITE"); // and never answers: Timer B (64*T1) marks it unavailable
            first.expect(408, Duration.ofMillis(5000));
            Thread.sleep(ProxyFixture.FAST.transactionTimeoutMillis() + 300 - ProxyFixture.RING_TIMEOUT.toMillis());

            long start = System.nanoTime();
            Call second = alice.call("sip:kate@" + DOMAIN);
            second.expect(408, Duration.ofMillis(1000));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
            Thread.sleep(200);
            assertThat(dead.received()).noneMatch(m -> second.callId().equals(m.callId()));
        }
    }
}
