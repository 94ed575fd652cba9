package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.newCallId;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.store.CallRecord;

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
    private static final long PROMPTLY_MILLIS = 1500;

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
    private static void call(TestUa caller, TestUa callee, String user, boolean callerHangsUp) throws Exception {
        proxy.register(caller.user, caller, 1.0);
        String callId = newCallId();
        caller.send(caller.invite("sip:" + user + "@" + DOMAIN, callId));
        SipRequest invite = callee.expectRequest("INVITE");
        assertThat(invite.vias()).hasSize(2);
        assertThat(invite.maxForwards()).isEqualTo(69);
        assertThat(invite.requestUri()).isEqualTo(callee.contact());
        assertThat(invite.headers().values(HeaderName.RECORD_ROUTE)).isNotEmpty()
                .allSatisfy(rr -> assertThat(rr).contains(";lr"));

        callee.respond(invite, 180, "Ringing", null);
        SipResponse ringing = caller.expectResponse(180);
        assertThat(ringing.vias()).hasSize(1);
        callee.respond(invite, 200, "OK", null);
        SipResponse ok = caller.expectResponse(200);
        assertThat(ok.vias()).hasSize(1);

        caller.send(caller.inDialog("ACK", ok, 1, true, null));
        SipRequest ack = callee.expectRequest("ACK");
        assertThat(ack.requestUri()).isEqualTo(callee.contact());

        if (callerHangsUp) {
            caller.send(caller.inDialog("BYE", ok, 2, true, null));
            SipRequest bye = callee.expectRequest("BYE");
            callee.respond(bye, 200, "OK", null);
            assertThat(caller.expectResponse(200).cseq().method()).isEqualTo("BYE");
        } else {
            callee.send(callee.inDialog("BYE", ok, 1, false, invite));
            SipRequest bye = caller.expectRequest("BYE");
            assertThat(bye.requestUri()).isEqualTo(caller.contact());
            caller.respond(bye, 200, "OK", null);
            assertThat(callee.expectResponse(200).cseq().method()).isEqualTo("BYE");
        }

        CallRecord record = proxy.awaitRecord(callId);
        assertThat(record.caller()).isEqualTo("sip:" + caller.user + "@outside.test");
        assertThat(record.callee()).isEqualTo("sip:" + user + "@" + DOMAIN);
        assertThat(record.finalStatus()).isEqualTo(200);
        assertThat(record.answer()).isNotNull().isAfterOrEqualTo(record.start());
        assertThat(record.end()).isNotNull().isAfterOrEqualTo(record.answer());
        assertThat(record.hangup()).isEqualTo(callerHangsUp ? CallRecord.Hangup.CALLER : CallRecord.Hangup.CALLEE);
    }

    @Test
    void basicCallOverUdp() throws Exception {
        try (TestUa alice = TestUa.udp("alice", proxy.udp()); TestUa bob = TestUa.udp("bob", proxy.udp())) {
            proxy.register("bob", bob, 1.0);
            call(alice, bob, "bob", true);
        }
    }

    @Test
    void basicCallOverTcp() throws Exception {
        try (TestUa alice = TestUa.tcp("alice2", proxy.tcp(), true);
                TestUa bob = TestUa.tcp("bob2", proxy.tcp(), false)) {
            proxy.register("bob2", bob, 1.0);
            call(alice, bob, "bob2", false);
        }
    }

    @Test
    void udpCallerReachesTcpCalleeThroughADoubleRecordRoute() throws Exception {
        try (TestUa alice = TestUa.udp("alice3", proxy.udp()); TestUa bob = TestUa.tcp("bob3", proxy.tcp(), false)) {
            proxy.register("bob3", bob, 1.0);
            alice.send(alice.invite("sip:bob3@" + DOMAIN, newCallId()));
            SipRequest invite = bob.expectRequest("INVITE");
            assertThat(invite.topVia().transport()).isEqualTo("TCP");
            var recordRoutes = invite.headers().values(HeaderName.RECORD_ROUTE);
            assertThat(recordRoutes).hasSize(2);
            assertThat(recordRoutes.get(0)).contains("transport=tcp").contains(":" + proxy.tcp().getPort());
            assertThat(recordRoutes.get(1)).contains("transport=udp").contains(":" + proxy.udp().getPort());
        }
        try (TestUa alice = TestUa.udp("alice4", proxy.udp()); TestUa bob = TestUa.tcp("bob4", proxy.tcp(), false)) {
            proxy.register("bob4", bob, 1.0);
            call(alice, bob, "bob4", false);
        }
    }

    @Test
    void ipv4CallerReachesIpv6CalleeThroughADoubleRecordRoute() throws Exception {
        try (TestUa alice = TestUa.udp("alice5", proxy.udp()); TestUa bob = TestUa.udp("bob5", proxy.udp6())) {
            proxy.register("bob5", bob, 1.0);
            alice.send(alice.invite("sip:bob5@" + DOMAIN, newCallId()));
            SipRequest invite = bob.expectRequest("INVITE");
            assertThat(invite.topVia().host()).isEqualTo("[::1]");
            var recordRoutes = invite.headers().values(HeaderName.RECORD_ROUTE);
            assertThat(recordRoutes).hasSize(2);
            assertThat(recordRoutes.get(0)).contains("[::1]:" + proxy.udp6().getPort());
            assertThat(recordRoutes.get(1)).contains("127.0.0.1:" + proxy.udp().getPort());
        }
        try (TestUa alice = TestUa.udp("alice6", proxy.udp()); TestUa bob = TestUa.udp("bob6", proxy.udp6())) {
            proxy.register("bob6", bob, 1.0);
            call(alice, bob, "bob6", false);
        }
        try (TestUa alice = TestUa.udp("alice7", proxy.udp6()); TestUa bob = TestUa.udp("bob7", proxy.udp())) {
            proxy.register("bob7", bob, 1.0);
            call(alice, bob, "bob7", true);
        }
    }

    @Test
    void parallelForkCancelsTheOtherDeviceWhenOneAnswers() throws Exception {
        try (TestUa alice = TestUa.udp("alice5", proxy.udp()); TestUa desk = TestUa.udp("carol-desk", proxy.udp());
                TestUa mobile = TestUa.udp("carol-mobile", proxy.udp())) {
            proxy.register("carol", desk, 1.0);
            proxy.register("carol", mobile, 1.0);
            alice.send(alice.invite("sip:carol@" + DOMAIN, newCallId()));
            SipRequest deskInvite = desk.expectRequest("INVITE");
            SipRequest mobileInvite = mobile.expectRequest("INVITE");
            desk.respond(deskInvite, 180, "Ringing", null);
            mobile.respond(mobileInvite, 180, "Ringing", null);
            alice.expectResponse(180);

            desk.respond(deskInvite, 200, "OK", null);
            SipResponse ok = alice.expectResponse(200);
            assertThat(ok.to().tag()).isEqualTo("carol-desk-totag");

            SipRequest cancel = mobile.expectRequest("CANCEL");
            ProxyFixture.assertHasReasonCompletedElsewhere(cancel);
            assertThat(cancel.topVia().branch()).isEqualTo(mobileInvite.topVia().branch());
            mobile.respond(cancel, 200, "OK", null);
            mobile.respond(mobileInvite, 487, "Request Terminated", null);
            mobile.expectRequest("ACK"); // the proxy's client transaction acknowledges the 487
            desk.expectNoRequest("CANCEL", 300);
        }
    }

    @Test
    void sequentialForkTriesTheLowerQOnlyAfterTheHigherRejects() throws Exception {
        try (TestUa alice = TestUa.udp("alice6", proxy.udp()); TestUa first = TestUa.udp("dave-first", proxy.udp());
                TestUa second = TestUa.udp("dave-second", proxy.udp())) {
            proxy.register("dave", first, 1.0);
            proxy.register("dave", second, 0.5);
            alice.send(alice.invite("sip:dave@" + DOMAIN, newCallId()));
            SipRequest invite = first.expectRequest("INVITE");
            second.expectNoRequest("INVITE", 200);
            first.respond(invite, 486, "Busy Here", null);

            SipRequest next = second.expectRequest("INVITE");
            second.respond(next, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    @Test
    void sequentialForkMovesOnWhenTheGroupRingsTooLong() throws Exception {
        try (TestUa alice = TestUa.udp("alice7", proxy.udp()); TestUa first = TestUa.udp("erin-first", proxy.udp());
                TestUa second = TestUa.udp("erin-second", proxy.udp())) {
            proxy.register("erin", first, 1.0);
            proxy.register("erin", second, 0.5);
            alice.send(alice.invite("sip:erin@" + DOMAIN, newCallId()));
            SipRequest invite = first.expectRequest("INVITE");
            first.respond(invite, 180, "Ringing", null);
            long ringing = System.nanoTime();

            SipRequest cancel = first.expectRequest("CANCEL");
            assertThat((System.nanoTime() - ringing) / 1_000_000)
                    .isGreaterThanOrEqualTo(ProxyFixture.GROUP_TIMEOUT.toMillis() - 100);
            first.respond(cancel, 200, "OK", null);
            first.respond(invite, 487, "Request Terminated", null);
            SipRequest next = second.expectRequest("INVITE");
            second.respond(next, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    /**
     * RFC 3261 §16.10: the CANCEL is answered 200 at once and cancels every device; the INVITE's final
     * response is the devices' 487, forwarded once they have all answered, not one the proxy makes up.
     */
    @Test
    void callerCancelIsAnswered200AndTheInviteGetsOne487AfterTheDevicesAnsweredIt() throws Exception {
        try (TestUa alice = TestUa.udp("alice8", proxy.udp()); TestUa desk = TestUa.udp("frank-desk", proxy.udp());
                TestUa mobile = TestUa.udp("frank-mobile", proxy.udp())) {
            proxy.register("frank", desk, 1.0);
            proxy.register("frank", mobile, 1.0);
            String callId = newCallId();
            String inviteText = alice.invite("sip:frank@" + DOMAIN, callId);
            alice.send(inviteText);
            SipRequest deskInvite = desk.expectRequest("INVITE");
            SipRequest mobileInvite = mobile.expectRequest("INVITE");
            desk.respond(deskInvite, 180, "Ringing", null);
            mobile.respond(mobileInvite, 180, "Ringing", null);
            alice.expectResponse(180);

            alice.send(ProxyFixture.cancelFor(inviteText));
            SipResponse cancelled = alice.expectResponse(200);
            assertThat(cancelled.cseq().method()).isEqualTo("CANCEL");
            for (TestUa device : new TestUa[] {desk, mobile}) {
                SipRequest cancel = device.expectRequest("CANCEL");
                device.respond(cancel, 200, "OK", null);
            }
            desk.respond(deskInvite, 487, "Request Terminated", null);
            Thread.sleep(200);
            assertThat(finals(alice)).as("no final response while a device still rings").isEmpty();
            mobile.respond(mobileInvite, 487, "Request Terminated", null);

            SipResponse terminated = alice.expectResponse(487);
            assertThat(terminated.cseq().method()).isEqualTo("INVITE");
            assertThat(terminated.vias()).hasSize(1);
            alice.send(ProxyFixture.ackFor(inviteText, terminated));
            desk.expectRequest("ACK");
            mobile.expectRequest("ACK");
            Thread.sleep(300);
            assertThat(finals(alice)).as("one 487, the best of the devices' (retransmissions aside)")
                    .extracting(r -> r.to().tag()).containsOnly(terminated.to().tag());

            CallRecord record = proxy.awaitRecord(callId);
            assertThat(record.finalStatus()).isEqualTo(487);
            assertThat(record.answered()).isFalse();
            assertThat(record.hangup()).isEqualTo(CallRecord.Hangup.NONE);
        }
    }

    /** A device that never answers the CANCEL: the INVITE ends 64*T1 later (§9.1), still with 487. */
    @Test
    void deviceIgnoringTheCancelStillLeavesTheCallerA487() throws Exception {
        try (TestUa alice = TestUa.udp("alice10", proxy.udp()); TestUa deaf = TestUa.udp("hank-deaf", proxy.udp())) {
            proxy.register("hank", deaf, 1.0);
            String inviteText = alice.invite("sip:hank@" + DOMAIN, newCallId());
            alice.send(inviteText);
            SipRequest invite = deaf.expectRequest("INVITE");
            deaf.respond(invite, 180, "Ringing", null);
            alice.expectResponse(180);

            alice.send(ProxyFixture.cancelFor(inviteText));
            long cancelledAt = System.nanoTime();
            alice.expectResponse(200);
            deaf.expectRequest("CANCEL");

            SipResponse terminated = alice.expectResponse(487);
            assertThat((System.nanoTime() - cancelledAt) / 1_000_000)
                    .isGreaterThanOrEqualTo(ProxyFixture.FAST.transactionTimeoutMillis() - 100);
            assertThat(terminated.cseq().method()).isEqualTo("INVITE");
        }
    }

    /** The INVITE's final responses the UA received so far, retransmissions included. */
    private static List<SipResponse> finals(TestUa ua) {
        return ua.seen().stream()
                .filter(m -> m instanceof SipResponse r && r.isFinal() && r.cseq().method().equals("INVITE"))
                .map(m -> (SipResponse) m)
                .toList();
    }

    @Test
    void busyDeviceAndUnansweredDeviceGiveBusyAfterTheRingTimeout() throws Exception {
        try (TestUa alice = TestUa.udp("alice9", proxy.udp()); TestUa busy = TestUa.udp("gina-busy", proxy.udp());
                TestUa away = TestUa.udp("gina-away", proxy.udp())) {
            proxy.register("gina", busy, 1.0);
            proxy.register("gina", away, 1.0);
            String callId = newCallId();
            alice.send(alice.invite("sip:gina@" + DOMAIN, callId));
            long sent = System.nanoTime();
            SipRequest busyInvite = busy.expectRequest("INVITE");
            SipRequest awayInvite = away.expectRequest("INVITE");
            away.respond(awayInvite, 180, "Ringing", null);
            busy.respond(busyInvite, 486, "Busy Here", null);

            SipResponse response = alice.expectResponse(486);
            assertThat((System.nanoTime() - sent) / 1_000_000)
                    .isGreaterThanOrEqualTo(ProxyFixture.RING_TIMEOUT.toMillis() - 100);
            away.expectRequest("CANCEL");
            assertThat(response.reasonPhrase()).isEqualTo("Busy Here");

            CallRecord record = proxy.awaitRecord(callId);
            assertThat(record.finalStatus()).isEqualTo(486);
            assertThat(record.answer()).isNull();
            assertThat(record.end()).isAfterOrEqualTo(record.start());
        }
    }

    @Test
    void busyFromTheLivePhoneReachesTheCallerWithoutWaitingForAStaleContact() throws Exception {
        try (TestUa alice = TestUa.udp("alice13", proxy.udp()); TestUa live = TestUa.udp("lena-live", proxy.udp());
                TestUa stale = TestUa.udp("lena-stale", proxy.udp())) {
            proxy.register("lena", live, 1.0);
            // the contact of the phone before it rebooted: packets to it are lost, nothing answers
            proxy.register("lena", stale, 1.0);
            alice.send(alice.invite("sip:lena@" + DOMAIN, newCallId()));
            SipRequest liveInvite = live.expectRequest("INVITE");
            stale.expectRequest("INVITE");
            live.respond(liveInvite, 486, "Busy Here", null);

            SipResponse busy = alice.expectResponse(486, PROMPTLY_MILLIS);
            assertThat(busy.reasonPhrase()).isEqualTo("Busy Here");

            // the silent contact is skipped for a while: the next call does not try it at all
            String second = newCallId();
            alice.send(alice.invite("sip:lena@" + DOMAIN, second));
            SipRequest again = live.expectRequest("INVITE");
            assertThat(again.callId()).isEqualTo(second);
            live.respond(again, 486, "Busy Here", null);
            alice.expectResponse(486, PROMPTLY_MILLIS);
            stale.expectNoRequestInCall("INVITE", second, 300);
        }
    }

    @Test
    void aDeadContactAloneGivesTheCallerATimeoutPromptly() throws Exception {
        try (TestUa alice = TestUa.udp("alice14", proxy.udp())) {
            TestUa gone = TestUa.udp("milo-gone", proxy.udp());
            proxy.register("milo", gone, 1.0);
            gone.close(); // the phone rebooted onto another port; its old one is closed
            String callId = newCallId();
            alice.send(alice.invite("sip:milo@" + DOMAIN, callId));

            alice.expectResponse(408, PROMPTLY_MILLIS);

            assertThat(proxy.awaitRecord(callId).finalStatus()).isEqualTo(408);
        }
    }

    @Test
    void aSilentContactThatStartsRingingLateIsCancelled() throws Exception {
        try (TestUa alice = TestUa.udp("alice15", proxy.udp()); TestUa slow = TestUa.udp("nora-slow", proxy.udp())) {
            proxy.register("nora", slow, 1.0);
            alice.send(alice.invite("sip:nora@" + DOMAIN, newCallId()));
            SipRequest invite = slow.expectRequest("INVITE");
            alice.expectResponse(408, PROMPTLY_MILLIS);

            // RFC 3261 §9.1: the CANCEL held for lack of a provisional goes out once one comes
            slow.respond(invite, 180, "Ringing", null);
            SipRequest cancel = slow.expectRequest("CANCEL");
            assertThat(cancel.topVia().branch()).isEqualTo(invite.topVia().branch());
        }
    }
}
