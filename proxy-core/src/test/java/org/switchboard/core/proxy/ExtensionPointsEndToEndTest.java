package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.credentials;
import static org.switchboard.core.proxy.ProxyFixture.newCallId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.proxy.routing.LocalRouter;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * The proxy's extension points over real sockets: the relay point sees and rewrites every relayed
 * request and response (stateful, CANCEL, ACK for 2xx, upstream responses), the response stage adds
 * a target after a 486 and after the ring time, and the asynchronous router forwards to target
 * groups with ring times and a fallback, redirects with 302 and rejects.
 */
class ExtensionPointsEndToEndTest {
    private static final ConcurrentLinkedQueue<String> RELAYED = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<AddressOfRecord> ROUTED_CALLERS = new ConcurrentLinkedQueue<>();
    private static ProxyFixture proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = new ProxyFixture(services -> services.withRouter(new TestRouter(
                new LocalRouter(services.domains(), services.location(), null))).withHooks(new ProxyHooks(
                List.of(), List.of(new Voicemail()), List.of(new MarkingRelay()))));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    /** Adds a header to every relayed request and response, and notes what passed. */
    static final class MarkingRelay implements RelayHook {
        @Override
        public SipRequest onRequest(SipRequest request, Destination hop) {
            RELAYED.add(request.method() + " " + request.callId());
            return request.toBuilder().add(HeaderName.of("X-Relayed"), "request").build();
        }

        @Override
        public SipResponse onResponse(SipResponse response, Flow toward) {
            RELAYED.add(response.statusCode() + " " + response.callId());
            return response.toBuilder().add(HeaderName.of("X-Relayed"), "response").build();
        }
    }

    /**
     * Calls to {@code busy-*} users answered 486 go on to the user {@code vm-busy}; calls to {@code
     * late-*} that ring out (408) to {@code vm-late}.
     */
    static final class Voicemail implements ResponseProcessor {
        @Override
        public List<Target> onFailure(SipRequest request, SipResponse best) {
            String user = request.sipRequestUri().user();
            boolean busy = user.startsWith("busy") && best.statusCode() == 486;
            boolean noAnswer = user.startsWith("late") && best.statusCode() == 408;
            String box = busy ? "vm-busy" : "vm-late";
            return busy || noAnswer ? List.of(Target.registered(proxy.location.lookup(new AddressOfRecord(box, DOMAIN))
                    .get(0))) : List.of();
        }
    }

    /**
     * {@code moved}: 302 to sip:elsewhere; {@code blocked}: 603; {@code hunt}: the contacts of
     * {@code hunt1} for 300 ms, then of {@code hunt2}, decided on another thread; anyone else: the
     * location service.
     */
    static final class TestRouter implements Router {
        private final LocalRouter local;

        TestRouter(LocalRouter local) {
            this.local = local;
        }

        @Override
        public CompletionStage<RouteDecision> route(RouteRequest request) {
            request.caller().ifPresent(ROUTED_CALLERS::add);
            String user = request.request().sipRequestUri().user();
            if ("moved".equals(user)) {
                return CompletableFuture.completedFuture(RouteDecision.redirect(List.of("<sip:moved@elsewhere.test>")));
            }
            if ("blocked".equals(user)) {
                return CompletableFuture.completedFuture(RouteDecision.reject(603, "Decline"));
            }
            if ("hunt".equals(user)) {
                return CompletableFuture.supplyAsync(() -> new RouteDecision.Forward(
                        List.of(new RouteDecision.TargetGroup(targetsOf("hunt1"), Duration.ofMillis(300))),
                        List.of(new RouteDecision.TargetGroup(targetsOf("hunt2"), null))));
            }
            return local.route(request);
        }

        private List<Target> targetsOf(String user) {
            List<Target> targets = new ArrayList<>();
            proxy.location.lookup(new AddressOfRecord(user, DOMAIN)).forEach(c -> targets.add(Target.registered(c)));
            return targets;
        }
    }

    @Test
    void relayPointSeesAndRewritesEveryRelayedRequestAndResponse() throws Exception {
        try (TestUa alice = TestUa.udp("relay-alice", proxy.udp()); TestUa bob = TestUa.udp("relay-bob", proxy.udp())) {
            proxy.register("relay-alice", alice, 1.0);
            proxy.register("relay-bob", bob, 1.0);
            String callId = newCallId();
            alice.send(alice.invite("sip:relay-bob@" + DOMAIN, callId));
            SipRequest invite = bob.expectRequest("INVITE");
            assertThat(invite.header(HeaderName.of("X-Relayed"))).isEqualTo("request");
            bob.respond(invite, 180, "Ringing", null);
            assertThat(alice.expectResponse(180).header(HeaderName.of("X-Relayed"))).isEqualTo("response");
            bob.respond(invite, 200, "OK", null);
            SipResponse ok = alice.expectResponse(200);
            assertThat(ok.header(HeaderName.of("X-Relayed"))).isEqualTo("response");
            alice.send(alice.inDialog("ACK", ok, 1, true, null));
            assertThat(bob.expectRequest("ACK").header(HeaderName.of("X-Relayed"))).as("stateless ACK for 2xx")
                    .isEqualTo("request");
            alice.send(alice.inDialog("BYE", ok, 2, true, null));
            SipRequest bye = bob.expectRequest("BYE");
            bob.respond(bye, 200, "OK", null);
            alice.expectResponse(200);

            String cancelled = newCallId();
            String inviteText = alice.invite("sip:relay-bob@" + DOMAIN, cancelled);
            alice.send(inviteText);
            SipRequest second = bob.expectRequest("INVITE");
            bob.respond(second, 180, "Ringing", null);
            alice.expectResponse(180);
            alice.send(ProxyFixture.cancelFor(inviteText));
            SipRequest cancel = bob.expectRequest("CANCEL");
            assertThat(cancel.header(HeaderName.of("X-Relayed"))).isEqualTo("request");
            bob.respond(cancel, 200, "OK", null);
            bob.respond(second, 487, "Request Terminated", null);
            assertThat(alice.expectResponse(487).header(HeaderName.of("X-Relayed"))).isEqualTo("response");

            assertThat(RELAYED).contains("INVITE " + callId, "180 " + callId, "200 " + callId, "ACK " + callId,
                    "BYE " + callId, "INVITE " + cancelled, "CANCEL " + cancelled, "487 " + cancelled);
        }
    }

    @Test
    void responseStageForwardsABusyCallToVoicemail() throws Exception {
        try (TestUa alice = TestUa.udp("alice-busy", proxy.udp()); TestUa bob = TestUa.udp("busy-bob", proxy.udp());
                TestUa vm = TestUa.udp("vm-busy", proxy.udp())) {
            proxy.register("busy-bob", bob, 1.0);
            proxy.register("vm-busy", vm, 1.0);
            alice.send(alice.invite("sip:busy-bob@" + DOMAIN, newCallId()));
            SipRequest invite = bob.expectRequest("INVITE");
            bob.respond(invite, 486, "Busy Here", null);
            SipRequest toVoicemail = vm.expectRequest("INVITE");
            vm.respond(toVoicemail, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    @Test
    void responseStageForwardsAnUnansweredCallToVoicemailAfterTheRingTime() throws Exception {
        try (TestUa alice = TestUa.udp("alice-late", proxy.udp()); TestUa bob = TestUa.udp("late-bob", proxy.udp());
                TestUa vm = TestUa.udp("vm-late", proxy.udp())) {
            proxy.register("late-bob", bob, 1.0);
            proxy.register("vm-late", vm, 1.0);
            alice.send(alice.invite("sip:late-bob@" + DOMAIN, newCallId()));
            SipRequest invite = bob.expectRequest("INVITE");
            bob.respond(invite, 180, "Ringing", null);
            SipRequest cancel = bob.expectRequest("CANCEL"); // the ring time ended
            bob.respond(cancel, 200, "OK", null);
            bob.respond(invite, 487, "Request Terminated", null);
            SipRequest toVoicemail = vm.expectRequest("INVITE");
            vm.respond(toVoicemail, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    @Test
    void routerGroupsRingInOrderForTheirRingTimeThenTheFallback() throws Exception {
        try (TestUa alice = TestUa.udp("alice-hunt", proxy.udp()); TestUa first = TestUa.udp("hunt1", proxy.udp());
                TestUa second = TestUa.udp("hunt2", proxy.udp())) {
            proxy.register("hunt1", first, 1.0);
            proxy.register("hunt2", second, 1.0);
            proxy.domains.users.add("hunt");
            alice.send(alice.invite("sip:hunt@" + DOMAIN, newCallId()));
            SipRequest invite = first.expectRequest("INVITE");
            first.respond(invite, 180, "Ringing", null);
            second.expectNoRequest("INVITE", 100);
            SipRequest cancel = first.expectRequest("CANCEL"); // its group's 300 ms are up
            first.respond(cancel, 200, "OK", null);
            first.respond(invite, 487, "Request Terminated", null);
            SipRequest fallback = second.expectRequest("INVITE");
            second.respond(fallback, 200, "OK", null);
            alice.expectResponse(200);
        }
    }

    @Test
    void routerRedirectAnswers302WithItsContact() throws Exception {
        try (TestUa alice = TestUa.udp("alice-moved", proxy.udp())) {
            alice.send(alice.invite("sip:moved@" + DOMAIN, newCallId()));
            SipResponse moved = alice.expectResponse(302);
            assertThat(moved.header(HeaderName.CONTACT)).isEqualTo("<sip:moved@elsewhere.test>");
        }
    }

    @Test
    void routerRejectionIsTheCallersAnswer() throws Exception {
        try (TestUa alice = TestUa.udp("alice-blocked", proxy.udp())) {
            alice.send(alice.invite("sip:blocked@" + DOMAIN, newCallId()));
            alice.expectResponse(603);
        }
    }

    @Test
    void routerReceivesTheAuthenticatedCaller() throws Exception {
        try (TestUa alice = TestUa.udp("auth-alice", proxy.udp())) {
            alice.fromDomain = DOMAIN;
            alice.send(alice.request("INVITE", "sip:blocked@" + DOMAIN, "sip:blocked@" + DOMAIN, newCallId(), 1,
                    credentials("auth-alice")));
            alice.expectResponse(603);
            assertThat(ROUTED_CALLERS).contains(new AddressOfRecord("auth-alice", DOMAIN));
        }
    }
}
