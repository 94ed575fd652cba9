package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.ProxyFixture.DOMAIN;
import static org.switchboard.core.proxy.ProxyFixture.ua;
import static org.switchboard.core.proxy.ProxyFixture.withCredentials;

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
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.sip.Match;

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
        try (Phone alice = ua("relay-alice", proxy.udp()); Phone bob = ua("relay-bob", proxy.udp())) {
            proxy.register("relay-alice", alice, 1.0);
            proxy.register("relay-bob", bob, 1.0);
            Call call = alice.call("sip:relay-bob@" + DOMAIN);
            String callId = call.callId();
            Incoming invite = bob.expect("INVITE");
            assertThat(invite.request().header("X-Relayed")).contains("request");
            invite.ring();
            assertThat(call.expect(180).response().header("X-Relayed")).contains("response");
            invite.answer();
            assertThat(call.expect(200).response().header("X-Relayed")).contains("response");
            call.ack();
            assertThat(bob.expect("ACK").request().header("X-Relayed")).as("stateless ACK for 2xx")
                    .contains("request");
            ClientTransaction bye = call.bye();
            bob.expect("BYE").respond(200);
            bye.expect(200);

            Call second = alice.call("sip:relay-bob@" + DOMAIN);
            String cancelled = second.callId();
            // not a retransmission of the first INVITE
            Incoming secondInvite = bob.incoming(bob.expect(Match.request("INVITE").and(Match.callId(cancelled))));
            secondInvite.ring();
            second.expect(180);
            second.cancel();
            Incoming cancel = bob.expect("CANCEL");
            assertThat(cancel.request().header("X-Relayed")).contains("request");
            cancel.respond(200);
            secondInvite.respond(487);
            assertThat(second.expect(487).response().header("X-Relayed")).contains("response");

            assertThat(RELAYED).contains("INVITE " + callId, "180 " + callId, "200 " + callId, "ACK " + callId,
                    "BYE " + callId, "INVITE " + cancelled, "CANCEL " + cancelled, "487 " + cancelled);
        }
    }

    @Test
    void responseStageForwardsABusyCallToVoicemail() throws Exception {
        try (Phone alice = ua("alice-busy", proxy.udp()); Phone bob = ua("busy-bob", proxy.udp());
                Phone vm = ua("vm-busy", proxy.udp())) {
            proxy.register("busy-bob", bob, 1.0);
            proxy.register("vm-busy", vm, 1.0);
            Call call = alice.call("sip:busy-bob@" + DOMAIN);
            bob.expect("INVITE").reject(486);
            vm.expect("INVITE").answer();
            call.expect(200);
        }
    }

    @Test
    void responseStageForwardsAnUnansweredCallToVoicemailAfterTheRingTime() throws Exception {
        try (Phone alice = ua("alice-late", proxy.udp()); Phone bob = ua("late-bob", proxy.udp());
                Phone vm = ua("vm-late", proxy.udp())) {
            proxy.register("late-bob", bob, 1.0);
            proxy.register("vm-late", vm, 1.0);
            Call call = alice.call("sip:late-bob@" + DOMAIN);
            // the ring time ends: the branch is cancelled and the call goes on to voicemail
            bob.expect("INVITE").ring().expectCancel();
            vm.expect("INVITE").answer();
            call.expect(200);
        }
    }

    @Test
    void routerGroupsRingInOrderForTheirRingTimeThenTheFallback() throws Exception {
        try (Phone alice = ua("alice-hunt", proxy.udp()); Phone first = ua("hunt1", proxy.udp());
                Phone second = ua("hunt2", proxy.udp())) {
            proxy.register("hunt1", first, 1.0);
            proxy.register("hunt2", second, 1.0);
            proxy.domains.users.add("hunt");
            Call call = alice.call("sip:hunt@" + DOMAIN);
            Incoming invite = first.expect("INVITE").ring();
            second.expectNothing(Match.request("INVITE"), Duration.ofMillis(100));
            invite.expectCancel(); // its group's 300 ms are up
            second.expect("INVITE").answer();
            call.expect(200);
        }
    }

    @Test
    void routerRedirectAnswers302WithItsContact() throws Exception {
        try (Phone alice = ua("alice-moved", proxy.udp())) {
            assertThat(alice.call("sip:moved@" + DOMAIN).expect(302).response().header("Contact"))
                    .contains("<sip:moved@elsewhere.test>");
        }
    }

    @Test
    void routerRejectionIsTheCallersAnswer() throws Exception {
        try (Phone alice = ua("alice-blocked", proxy.udp())) {
            alice.call("sip:blocked@" + DOMAIN).expect(603);
        }
    }

    @Test
    void routerReceivesTheAuthenticatedCaller() throws Exception {
        try (Phone alice = ua("auth-alice", DOMAIN, proxy.udp())) {
            alice.call("sip:blocked@" + DOMAIN, withCredentials("auth-alice")).expect(603);
            assertThat(ROUTED_CALLERS).contains(new AddressOfRecord("auth-alice", DOMAIN));
        }
    }
}
