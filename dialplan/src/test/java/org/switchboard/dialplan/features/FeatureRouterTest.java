package org.switchboard.dialplan.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteDecision.TargetGroup;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

class FeatureRouterTest {
    private static final String DOMAIN = "example.com";
    private static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 40000), 0);
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("sip:201@example.com");
    private static final Target ALICE_PHONE = phone("201", 40001);
    private static final Target BOB_PHONE = phone("202", 40002);
    private static final Target CAROL_PHONE = phone("203", 40003);
    private static final Target GATEWAY = Target.of(SipUri.parse("sip:0301234@gw.example.net"));
    private static final Target MAILBOX = Target.of(SipUri.parse("sip:vm-201@vm.example.com"));
    private static final String VOICEMAIL = "sip:vm-{user}@vm.example.com";

    /** The dial plan: 201-203 are registered, 204 exists without a phone (480), 0301234 goes to the gateway. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Router plan = request -> {
        String uri = request.request().requestUri();
        asked.add(uri);
        Map<String, Target> known = Map.of("sip:201@example.com", ALICE_PHONE, "sip:202@example.com", BOB_PHONE,
                "sip:203@example.com", CAROL_PHONE, "sip:0301234@example.com", GATEWAY);
        return CompletableFuture.completedFuture(known.containsKey(uri) ? RouteDecision.forward(List.of(known.get(uri)))
                : uri.equals("sip:204@example.com") ? RouteDecision.reject(480, "Temporarily Unavailable")
                        : RouteDecision.reject(404, "Not Found"));
    };
    /** The default router: other domains by their URI. */
    private final Router local = request -> {
        asked.add("local " + request.request().requestUri());
        return CompletableFuture.completedFuture(RouteDecision.forward(List.of(Target.of(
                request.request().sipRequestUri()))));
    };
    private final DomainCatalog domains = new DomainCatalog() {
        @Override
        public boolean isLocalDomain(String host) {
            return host.equalsIgnoreCase(DOMAIN);
        }

        @Override
        public boolean userExists(AddressOfRecord aor) {
            return true;
        }
    };
    private final List<String> saved = new CopyOnWriteArrayList<>();
    private final FailureForwarding failures = new FailureForwarding();

    private static Target phone(String user, int port) {
        return Target.of(SipUri.parse("sip:" + user + "@127.0.0.1:" + port));
    }

    private FeatureRouter router(List<UserFeatures> users, List<HuntGroup> groups, Map<String, String> options) {
        FeatureBook book = FeatureBook.compile(users, groups, options, 1);
        return new FeatureRouter(() -> book, plan, local, domains, failures, (user, change) -> {
            saved.add(user.user() + "@" + user.host() + " " + change);
            return CompletableFuture.completedFuture(null);
        });
    }

    private FeatureRouter router(UserFeatures... users) {
        return router(List.of(users), List.of(), Map.of());
    }

    private static UserFeatures features(String always, String busy, String noAnswer, Integer seconds, boolean dnd,
            String followMe) {
        return new UserFeatures(DOMAIN, "201", always, busy, noAnswer, seconds, dnd, followMe);
    }

    private static RouteRequest invite(String uri, AddressOfRecord caller) {
        SipRequest request = SipRequest.builder("INVITE", uri)
                .add(HeaderName.FROM, "<sip:202@example.com>;tag=a1")
                .add(HeaderName.TO, "<" + uri + ">")
                .add(HeaderName.CALL_ID, "feature-router-test")
                .build();
        return new RouteRequest(request, FLOW, caller);
    }

    private static RouteDecision decide(Router router, RouteRequest request) {
        return router.route(request).toCompletableFuture().join();
    }

    private static SipResponse failure(RouteRequest request, int status) {
        return SipResponse.builderFor(request.request(), status, "Failure").build();
    }

    @Test
    void aUserWithoutFeaturesGoesToTheDialPlanAsDialled() {
        assertThat(decide(router(), invite("sip:201@example.com", null)))
                .isEqualTo(RouteDecision.forward(List.of(ALICE_PHONE)));
        assertThat(asked).containsExactly("sip:201@example.com");
    }

    @Test
    void unconditionalForwardingToANumberGoesThroughTheDialPlanAndToAUriThroughTheDefaultRouter() {
        assertThat(decide(router(features("0301234", null, null, null, false, null)),
                invite("sip:201@example.com", null))).isEqualTo(RouteDecision.forward(List.of(GATEWAY)));
        assertThat(decide(router(features("sip:alice@home.example.net", null, null, null, false, null)),
                invite("sip:201@example.com", null)))
                .isEqualTo(RouteDecision.forward(List.of(Target.of(SipUri.parse("sip:alice@home.example.net")))));
        assertThat(asked).containsExactly("sip:0301234@example.com", "local sip:alice@home.example.net");
    }

    @Test
    void doNotDisturbIsAnswered480OrGoesToTheMailbox() {
        assertThat(decide(router(features(null, null, null, null, true, null)), invite("sip:201@example.com", null)))
                .isEqualTo(RouteDecision.reject(480, "Do Not Disturb"));
        assertThat(decide(router(List.of(features(null, null, null, null, true, null)), List.of(),
                Map.of("voicemail", VOICEMAIL)), invite("sip:201@example.com", null)))
                .isEqualTo(RouteDecision.forward(List.of(MAILBOX)));
    }

    @Test
    void noAnswerForwardingRingsThePhonesForTheSecondsThenTheResponseStageAddsTheTarget() {
        RouteRequest call = invite("sip:201@example.com", null);

        RouteDecision decision = decide(router(features(null, "202", "0301234", 9, false, null)), call);

        assertThat(decision).isEqualTo(new RouteDecision.Forward(List.of(new TargetGroup(List.of(ALICE_PHONE),
                Duration.ofSeconds(9))), List.of()));
        assertThat(failures.onFailure(call.request(), failure(call, 408))).containsExactly(GATEWAY);
    }

    @Test
    void busyForwardingTakesAFailedCallWhenThePhonesAreBusy() {
        RouteRequest call = invite("sip:201@example.com", null);

        decide(router(features(null, "202", "0301234", 9, false, null)), call);

        assertThat(failures.onFailure(call.request(), failure(call, 486))).containsExactly(BOB_PHONE);
    }

    @Test
    void followMeRingsItsTargetsStageByStage() {
        RouteDecision decision = decide(router(features(null, null, null, 30, false, "203 after 15")),
                invite("sip:201@example.com", null));

        assertThat(decision).isEqualTo(new RouteDecision.Forward(List.of(
                new TargetGroup(List.of(ALICE_PHONE), Duration.ofSeconds(15)),
                new TargetGroup(List.of(CAROL_PHONE), Duration.ofSeconds(30))), List.of()));
    }

    @Test
    void aUserWithNoPhoneRegisteredGoesToTheNoAnswerTargetAtOnceAndAnUnknownUserStaysUnknown() {
        FeatureRouter router = router(List.of(), List.of(), Map.of("voicemail", VOICEMAIL));

        assertThat(decide(router, invite("sip:204@example.com", null)))
                .isEqualTo(RouteDecision.forward(List.of(Target.of(SipUri.parse("sip:vm-204@vm.example.com")))));
        assertThat(decide(router, invite("sip:999@example.com", null)))
                .isEqualTo(RouteDecision.reject(404, "Not Found"));
    }

    @Test
    void aLinearGroupRingsItsMembersOneByOneThenItsFallbackSkippingMembersWithDoNotDisturb() {
        FeatureRouter router = router(List.of(new UserFeatures(DOMAIN, "202", null, null, null, null, true, null)),
                List.of(new HuntGroup(DOMAIN, "600", "linear", 5, "201, 202, 204, 203", "voicemail")),
                Map.of("voicemail", VOICEMAIL));

        assertThat(decide(router, invite("sip:600@example.com", null))).isEqualTo(new RouteDecision.Forward(
                List.of(new TargetGroup(List.of(ALICE_PHONE), Duration.ofSeconds(5)),
                        new TargetGroup(List.of(CAROL_PHONE), Duration.ofSeconds(5))),
                List.of(new TargetGroup(List.of(Target.of(SipUri.parse("sip:vm-600@vm.example.com"))), null))));
    }

    @Test
    void aFeatureCodeChangesTheAuthenticatedCallersOwnFeaturesAndSaysSoIn480() {
        RouteDecision on = decide(router(), invite("sip:*720301234@example.com", ALICE));
        RouteDecision off = decide(router(), invite("sip:*79@example.com", ALICE));

        assertThat(on).isEqualTo(RouteDecision.reject(480, "Call forwarding on to 0301234"));
        assertThat(off).isEqualTo(RouteDecision.reject(480, "Do not disturb off"));
        assertThat(saved).containsExactly("201@example.com FeatureChange[kind=FORWARD_ON, target=0301234]",
                "201@example.com FeatureChange[kind=DND_OFF, target=null]");
        assertThat(asked).isEmpty();
    }

    @Test
    void aFeatureCodeWithoutAuthenticationIsForbiddenAndForwardingWithoutANumberIsIncomplete() {
        assertThat(decide(router(), invite("sip:*78@example.com", null)))
                .isEqualTo(RouteDecision.reject(403, "Feature Codes Need Authentication"));
        assertThat(decide(router(), invite("sip:*72@example.com", ALICE)))
                .isEqualTo(RouteDecision.reject(484, "Address Incomplete"));
        assertThat(saved).isEmpty();
    }

    @Test
    void aFeatureCodeThatCannotBeSavedIsAnswered500() {
        FeatureBook book = FeatureBook.compile(List.of(), List.of(), Map.of(), 1);
        FeatureRouter router = new FeatureRouter(() -> book, plan, local, domains, failures,
                (user, change) -> CompletableFuture.failedFuture(new IllegalStateException("database down")));

        assertThat(decide(router, invite("sip:*73@example.com", ALICE)))
                .isEqualTo(RouteDecision.reject(500, "Feature Not Saved"));
    }
}
