package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.tcpUa;
import static org.switchboard.core.proxy.ProxyFixture.ua;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * Calls between registered phones through the proxy over real sockets: the basic call on UDP, TCP
 * and across the two, IPv4 to IPv6 and back, parallel and sequential forking, CANCEL, and the call records they leave.
 */
class ProxyCallEndToEndTest {
    /**
     * Well under the ring timeout (2 s) and Timer B (3.2 s) of the fixture, well above its
     * first-response timeout (0.4 s): a response within this shows a silent contact did not hold
     * the call up.
     */
    private static final Duration PROMPTLY = Duration.ofMillis(1500);

    private static ProxyFixture proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = new ProxyFixture();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    /**
     * INVITE/180/200/ACK, then BYE/200 from the caller or the callee. The caller is registered too:
     * both phones run on this host, where the callee's unauthenticated BYE may reach only a
     * registered phone ({@link OwnHostHops}).
     */
    private static void call(Phone caller, Phone callee, String user, boolean callerHangsUp) throws Exception {
        proxy.register(caller.user(), caller, 1.0);
        Call call = caller.call("sip:" + user + "@" + DOMAIN);
        Incoming invite = callee.expect("INVITE");
        assertThat(invite.request().headerValues("Via")).hasSize(2);
        assertThat(invite.request().header("Max-Forwards")).contains("69");
        assertThat(invite.request().requestUri()).isEqualTo(callee.contact());
        assertThat(invite.request().headerValues("Record-Route")).isNotEmpty()
                .allSatisfy(rr -> assertThat(rr).contains(";lr"));

        invite.ring();
        assertThat(call.expect(180).response().headerValues("Via")).hasSize(1);
        invite.answer();
        assertThat(call.expect(200).response().headerValues("Via")).hasSize(1);

        call.ack();
        SipMessage ack = callee.expect("ACK").request();
        assertThat(ack.requestUri()).isEqualTo(callee.contact());

        if (callerHangsUp) {
            ClientTransaction bye = call.bye();
            callee.expect("BYE").respond(200);
            bye.expect(200);
        } else {
            ClientTransaction bye = invite.bye();
            Incoming arrived = caller.expect("BYE");
            assertThat(arrived.request().requestUri()).isEqualTo(caller.contact());
            arrived.respond(200);
            bye.expect(200);
        }

        CallRecord record = proxy.awaitRecord(call.callId());
        assertThat(record.caller()).isEqualTo("sip:" + caller.user() + "@outside.test");
        assertThat(record.callee()).isEqualTo("sip:" + user + "@" + DOMAIN);
        assertThat(record.finalStatus()).isEqualTo(200);
        assertThat(record.answer()).isNotNull().isAfterOrEqualTo(record.start());
        assertThat(record.end()).isNotNull().isAfterOrEqualTo(record.answer());
        assertThat(record.hangup()).isEqualTo(callerHangsUp ? CallRecord.Hangup.CALLER : CallRecord.Hangup.CALLEE);
    }

    @Test
    void basicCallOverUdp() throws Exception {
        try (Phone alice = ua("alice", proxy.udp()); Phone bob = ua("bob", proxy.udp())) {
            proxy.register("bob", bob, 1.0);
            call(alice, bob, "bob", true);
        }
    }

    @Test
    void basicCallOverTcp() throws Exception {
        try (Phone alice = tcpUa("alice2", proxy.tcp());
                Phone bob = tcpUa("bob2", proxy.tcp())) {
            proxy.register("bob2", bob, 1.0);
            call(alice, bob, "bob2", false);
        }
    }

    @Test
    void udpCallerReachesTcpCalleeThroughADoubleRecordRoute() throws Exception {
        try (Phone alice = ua("alice3", proxy.udp()); Phone bob = tcpUa("bob3", proxy.tcp())) {
            proxy.register("bob3", bob, 1.0);
            alice.call("sip:bob3@" + DOMAIN);
            SipMessage invite = bob.expect("INVITE").request();
            assertThat(invite.headerValues("Via").get(0)).startsWith("SIP/2.0/TCP ");
            List<String> recordRoutes = invite.headerValues("Record-Route");
            assertThat(recordRoutes).hasSize(2);
            assertThat(recordRoutes.get(0)).contains("transport=tcp").contains(":" + proxy.tcp().getPort());
            assertThat(recordRoutes.get(1)).contains("transport=udp").contains(":" + proxy.udp().getPort());
        }
        try (Phone alice = ua("alice4", proxy.udp()); Phone bob = tcpUa("bob4", proxy.tcp())) {
            proxy.register("bob4", bob, 1.0);
            call(alice, bob, "bob4", false);
        }
    }

    @Test
    void ipv4CallerReachesIpv6CalleeThroughADoubleRecordRoute() throws Exception {
        try (Phone alice = ua("alice5", proxy.udp()); Phone bob = ua("bob5", proxy.udp6())) {
            proxy.register("bob5", bob, 1.0);
            alice.call("sip:bob5@" + DOMAIN);
            SipMessage invite = bob.expect("INVITE").request();
            assertThat(invite.headerValues("Via").get(0)).startsWith("SIP/2.0/UDP [::1]:");
            List<String> recordRoutes = invite.headerValues("Record-Route");
            assertThat(recordRoutes).hasSize(2);
            assertThat(recordRoutes.get(0)).contains("[::1]:" + proxy.udp6().getPort());
            assertThat(recordRoutes.get(1)).contains("127.0.0.1:" + proxy.udp().getPort());
        }
        try (Phone alice = ua("alice6", proxy.udp()); Phone bob = ua("bob6", proxy.udp6())) {
            proxy.register("bob6", bob, 1.0);
            call(alice, bob, "bob6", false);
        }
        try (Phone alice = ua("alice7", proxy.udp6()); Phone bob = ua("bob7", proxy.udp())) {
            proxy.register("bob7", bob, 1.0);
            call(alice, bob, "bob7", true);
        }
    }

    @Test
    void parallelForkCancelsTheOtherDeviceWhenOneAnswers() throws Exception {
        try (Phone alice = ua("alice5", proxy.udp()); Phone desk = ua("carol-desk", proxy.udp());
                Phone mobile = ua("carol-mobile", proxy.udp())) {
            proxy.register("carol", desk, 1.0);
            proxy.register("carol", mobile, 1.0);
            Call call = alice.call("sip:carol@" + DOMAIN);
            Incoming deskInvite = desk.expect("INVITE");
            Incoming mobileInvite = mobile.expect("INVITE");
            deskInvite.ring();
            mobileInvite.ring();
            call.expect(180);

            deskInvite.answer();
            SipMessage ok = call.expect(200).response();
            assertThat(ok.toTag()).contains(deskInvite.toTag());

            Incoming cancel = mobile.expect("CANCEL");
            ProxyFixture.assertHasReasonCompletedElsewhere(cancel.request());
            assertThat(cancel.request().topBranch()).isEqualTo(mobileInvite.request().topBranch());
            cancel.respond(200);
            mobileInvite.respond(487);
            mobile.expect("ACK"); // the proxy's client transaction acknowledges the 487
            desk.expectNothing(Match.request("CANCEL"), Duration.ofMillis(300));
        }
    }

    @Test
    void sequentialForkTriesTheLowerQOnlyAfterTheHigherRejects() throws Exception {
        try (Phone alice = ua("alice6", proxy.udp()); Phone first = ua("dave-first", proxy.udp());
                Phone second = ua("dave-second", proxy.udp())) {
            proxy.register("dave", first, 1.0);
            proxy.register("dave", second, 0.5);
            Call call = alice.call("sip:dave@" + DOMAIN);
            Incoming invite = first.expect("INVITE");
            second.expectNothing(Match.request("INVITE"), Duration.ofMillis(200));
            invite.reject(486);

            second.expect("INVITE").answer();
            call.expect(200);
        }
    }

    @Test
    void sequentialForkMovesOnWhenTheGroupRingsTooLong() throws Exception {
        try (Phone alice = ua("alice7", proxy.udp()); Phone first = ua("erin-first", proxy.udp());
                Phone second = ua("erin-second", proxy.udp())) {
            proxy.register("erin", first, 1.0);
            proxy.register("erin", second, 0.5);
            Call call = alice.call("sip:erin@" + DOMAIN);
            Incoming invite = first.expect("INVITE");
            invite.ring();
            long ringing = System.nanoTime();

            Incoming cancel = first.expect("CANCEL");
            assertThat((System.nanoTime() - ringing) / 1_000_000)
                    .isGreaterThanOrEqualTo(ProxyFixture.GROUP_TIMEOUT.toMillis() - 100);
            cancel.respond(200);
            invite.respond(487);
            second.expect("INVITE").answer();
            call.expect(200);
        }
    }

    /**
     * RFC 3261 §16.10: the CANCEL is answered 200 at once and cancels every device; the INVITE's final
     * response is the devices' 487, forwarded once they have all answered, not one the proxy makes up.
     */
    @Test
    void callerCancelIsAnswered200AndTheInviteGetsOne487AfterTheDevicesAnsweredIt() throws Exception {
        try (Phone alice = ua("alice8", proxy.udp()); Phone desk = ua("frank-desk", proxy.udp());
                Phone mobile = ua("frank-mobile", proxy.udp())) {
            proxy.register("frank", desk, 1.0);
            proxy.register("frank", mobile, 1.0);
            Call call = alice.call("sip:frank@" + DOMAIN);
            Incoming deskInvite = desk.expect("INVITE");
            Incoming mobileInvite = mobile.expect("INVITE");
            deskInvite.ring();
            mobileInvite.ring();
            call.expect(180);

            ClientTransaction cancel = call.cancel();
            assertThat(cancel.expectFinal().status()).isEqualTo(200);
            for (Phone device : new Phone[] {desk, mobile}) {
                device.expect("CANCEL").respond(200);
            }
            deskInvite.respond(487);
            Thread.sleep(200);
            assertThat(finals(alice)).as("no final response while a device still rings").isEmpty();
            mobileInvite.respond(487);

            SipMessage terminated = call.expect(487).response();
            assertThat(terminated.cseqMethod()).isEqualTo("INVITE");
            assertThat(terminated.headerValues("Via")).hasSize(1);
            desk.expect("ACK");
            mobile.expect("ACK");
            Thread.sleep(300);
            assertThat(finals(alice)).as("one 487, the best of the devices' (retransmissions aside)")
                    .extracting(r -> r.toTag().orElseThrow()).containsOnly(terminated.toTag().orElseThrow());

            CallRecord record = proxy.awaitRecord(call.callId());
            assertThat(record.finalStatus()).isEqualTo(487);
            assertThat(record.answered()).isFalse();
            assertThat(record.hangup()).isEqualTo(CallRecord.Hangup.NONE);
        }
    }

    /** A device that never answers the CANCEL: the INVITE ends 64*T1 later (§9.1), still with 487. */
    @Test
    void deviceIgnoringTheCancelStillLeavesTheCallerA487() throws Exception {
        try (Phone alice = ua("alice10", proxy.udp()); Phone deaf = ua("hank-deaf", proxy.udp())) {
            proxy.register("hank", deaf, 1.0);
            Call call = alice.call("sip:hank@" + DOMAIN);
            deaf.expect("INVITE").ring();
            call.expect(180);

            ClientTransaction cancel = call.cancel();
            long cancelledAt = System.nanoTime();
            cancel.expect(200);
            deaf.expect("CANCEL");

            SipMessage terminated = call.expect(487).response();
            assertThat((System.nanoTime() - cancelledAt) / 1_000_000)
                    .isGreaterThanOrEqualTo(ProxyFixture.FAST.transactionTimeoutMillis() - 100);
            assertThat(terminated.cseqMethod()).isEqualTo("INVITE");
        }
    }

    /** The INVITE's final responses the UA received so far, retransmissions included. */
    private static List<SipMessage> finals(Phone ua) {
        return ua.received().stream()
                .filter(m -> !m.isRequest() && m.isFinal() && m.cseqMethod().equals("INVITE"))
                .toList();
    }

    @Test
    void busyDeviceAndUnansweredDeviceGiveBusyAfterTheRingTimeout() throws Exception {
        try (Phone alice = ua("alice9", proxy.udp()); Phone busy = ua("gina-busy", proxy.udp());
                Phone away = ua("gina-away", proxy.udp())) {
            proxy.register("gina", busy, 1.0);
            proxy.register("gina", away, 1.0);
            Call call = alice.call("sip:gina@" + DOMAIN);
            long sent = System.nanoTime();
            Incoming busyInvite = busy.expect("INVITE");
            away.expect("INVITE").ring();
            busyInvite.reject(486);

            SipMessage response = call.expect(486).response();
            assertThat((System.nanoTime() - sent) / 1_000_000)
                    .isGreaterThanOrEqualTo(ProxyFixture.RING_TIMEOUT.toMillis() - 100);
            away.expect("CANCEL");
            assertThat(response.reason()).isEqualTo("Busy Here");

            CallRecord record = proxy.awaitRecord(call.callId());
            assertThat(record.finalStatus()).isEqualTo(486);
            assertThat(record.answer()).isNull();
            assertThat(record.end()).isAfterOrEqualTo(record.start());
        }
    }

    @Test
    void busyFromTheLivePhoneReachesTheCallerWithoutWaitingForAStaleContact() throws Exception {
        try (Phone alice = ua("alice13", proxy.udp(), PROMPTLY); Phone live = ua("lena-live", proxy.udp());
                Phone stale = ua("lena-stale", proxy.udp())) {
            proxy.register("lena", live, 1.0);
            // the contact of the phone before it rebooted: packets to it are lost, nothing answers
            proxy.register("lena", stale, 1.0);
            Call first = alice.call("sip:lena@" + DOMAIN);
            Incoming liveInvite = live.expect("INVITE");
            stale.expect("INVITE");
            liveInvite.reject(486);

            SipMessage busy = first.expect(486).response();
            assertThat(busy.reason()).isEqualTo("Busy Here");

            // the silent contact is skipped for a while: the next call does not try it at all
            Call second = alice.call("sip:lena@" + DOMAIN);
            Incoming again = live.expect("INVITE");
            assertThat(again.request().callId()).isEqualTo(second.callId());
            again.reject(486);
            second.expect(486);
            stale.expectNothing(Match.request("INVITE").and(Match.callId(second.callId())), Duration.ofMillis(300));
        }
    }

    @Test
    void aDeadContactAloneGivesTheCallerATimeoutPromptly() throws Exception {
        try (Phone alice = ua("alice14", proxy.udp(), PROMPTLY)) {
            Phone gone = ua("milo-gone", proxy.udp());
            proxy.register("milo", gone, 1.0);
            gone.close(); // the phone rebooted onto another port; its old one is closed
            Call call = alice.call("sip:milo@" + DOMAIN);

            call.expect(408);

            assertThat(proxy.awaitRecord(call.callId()).finalStatus()).isEqualTo(408);
        }
    }

    @Test
    void aSilentContactThatStartsRingingLateIsCancelled() throws Exception {
        try (Phone alice = ua("alice15", proxy.udp(), PROMPTLY); Phone slow = ua("nora-slow", proxy.udp())) {
            proxy.register("nora", slow, 1.0);
            Call call = alice.call("sip:nora@" + DOMAIN);
            Incoming invite = slow.expect("INVITE");
            call.expect(408);

            // RFC 3261 §9.1: the CANCEL held for lack of a provisional goes out once one comes
            invite.ring();
            SipMessage cancel = slow.expect("CANCEL").request();
            assertThat(cancel.topBranch()).isEqualTo(invite.request().topBranch());
        }
    }
}
