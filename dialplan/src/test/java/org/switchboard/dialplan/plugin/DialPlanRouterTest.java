package org.switchboard.dialplan.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.dialplan.plan.DialPlan;
import org.switchboard.dialplan.plan.PlanCompiler;
import org.switchboard.dialplan.plan.PlanHolder;

class DialPlanRouterTest {
    private static final String DOMAIN = "example.com";
    private static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 40000), 0);
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("sip:201@example.com");
    private static final Target BOB_PHONE = Target.of(SipUri.parse("sip:bob@127.0.0.1:40002"));
    private static final Target GATEWAY = Target.of(SipUri.parse("sip:004930@gw.example.net"));

    /** The default router: bob (202) and the gateway answer with a target, anyone else 480. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Router local = request -> {
        String uri = request.request().requestUri();
        asked.add(uri);
        Map<String, Target> known = Map.of("sip:202@example.com", BOB_PHONE, "sip:004930@gw.example.net", GATEWAY);
        return CompletableFuture.completedFuture(known.containsKey(uri) ? RouteDecision.forward(List.of(known.get(uri)))
                : RouteDecision.reject(480, "Temporarily Unavailable"));
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

    private DialPlanRouter router(DialRule... rules) {
        DialPlan plan = PlanCompiler.compile(List.of(rules), List.of(), Map.of(ALICE, "internal"), Map.of(), 1);
        return new DialPlanRouter(new PlanHolder(plan), local, domains,
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    }

    private static DialRule rule(int priority, String name, String caller, String callee, String action,
            String rewrite) {
        return new DialRule(DOMAIN, priority, name, caller, callee, null, action, rewrite);
    }

    private static RouteRequest invite(String uri, AddressOfRecord caller) {
        return request("INVITE", uri, caller);
    }

    private static RouteRequest request(String method, String uri, AddressOfRecord caller) {
        SipRequest request = SipRequest.builder(method, uri)
                .add(HeaderName.FROM, "<sip:201@example.com>;tag=a1")
                .add(HeaderName.TO, "<" + uri + ">")
                .add(HeaderName.CALL_ID, "router-test")
                .build();
        return new RouteRequest(request, FLOW, caller);
    }

    private static RouteDecision decide(Router router, RouteRequest request) {
        return router.route(request).toCompletableFuture().join();
    }

    @Test
    void withoutRulesEveryCallGoesToTheDefaultRouterAsItCame() {
        assertThat(decide(router(), invite("sip:202@example.com", ALICE))).isEqualTo(RouteDecision.forward(
                List.of(BOB_PHONE)));
        assertThat(asked).containsExactly("sip:202@example.com");
    }

    @Test
    void aForwardRuleReachesItsTargetsThroughTheDefaultRouterWithTheRewrittenNumber() {
        Router router = router(rule(10, "prefix", "*", "9xxx", "forward {user}", "{1}"));

        assertThat(decide(router, invite("sip:9202@example.com", ALICE)))
                .isEqualTo(RouteDecision.forward(List.of(BOB_PHONE)));
        assertThat(asked).containsExactly("sip:202@example.com");
    }

    @Test
    void targetsThatAreReachableRingTogetherAndTheOthersAreLeftOut() {
        Router router = router(rule(10, "team", "*", "0", "forward 203, 202, sip:004930@gw.example.net", null));

        assertThat(decide(router, invite("sip:0@example.com", ALICE)))
                .isEqualTo(RouteDecision.forward(List.of(BOB_PHONE, GATEWAY)));
        assertThat(asked).containsExactly("sip:203@example.com", "sip:202@example.com", "sip:004930@gw.example.net");
    }

    @Test
    void whenNoTargetIsReachableTheDefaultRoutersAnswerForTheFirstStands() {
        Router router = router(rule(10, "absent", "*", "0", "forward 203, 204", null));

        assertThat(decide(router, invite("sip:0@example.com", ALICE)))
                .isEqualTo(RouteDecision.reject(480, "Temporarily Unavailable"));
    }

    @Test
    void rejectAndRedirectRulesAreAnsweredWithoutTheDefaultRouter() {
        Router router = router(
                rule(10, "barred", "class:internal", "00*", "reject 403 Barred; info=https://example.com/why", null),
                rule(20, "moved", "*", "5xx", "redirect sip:{user}@branch.example.net", null));

        assertThat(decide(router, invite("sip:0049301@example.com", ALICE)))
                .isEqualTo(new RouteDecision.Reject(403, "Barred", "https://example.com/why"));
        assertThat(decide(router, invite("sip:501@example.com", ALICE)))
                .isEqualTo(RouteDecision.redirect(List.of("<sip:501@branch.example.net>")));
        assertThat(asked).isEmpty();
    }

    @Test
    void aPermissionClassComesOnlyWithAuthentication() {
        Router router = router(rule(10, "barred", "class:internal", "00*", "reject 403 Barred", null),
                rule(20, "out", "*", "00*", "forward sip:{user}@gw.example.net", null));

        // the From names 201, who is internal, but nobody authenticated the request
        assertThat(decide(router, invite("sip:004930@example.com", null)))
                .isEqualTo(RouteDecision.forward(List.of(GATEWAY)));
    }

    @Test
    void anEmergencyNumberWithoutARuleGoesToTheDefaultRouter() {
        Router router = router(rule(10, "barred", "class:internal", "*", "reject 403 Barred", null));

        assertThat(decide(router, invite("sip:112@example.com", ALICE)))
                .isEqualTo(RouteDecision.reject(480, "Temporarily Unavailable"));
        assertThat(asked).containsExactly("sip:112@example.com");
    }

    @Test
    void onlyInvitesAreDecidedByThePlan() {
        Router router = router(rule(10, "barred", "*", "*", "reject 403 Barred", null));

        assertThat(decide(router, request("MESSAGE", "sip:202@example.com", ALICE)))
                .isEqualTo(RouteDecision.forward(List.of(BOB_PHONE)));
    }

    @Test
    void aCallToAnotherDomainFollowsTheCallersPlan() {
        Router router = router(new DialRule(DOMAIN, 10, "no-foreign", "*", "*@*", null, "reject 403 No", null));

        assertThat(decide(router, invite("sip:carol@elsewhere.net", ALICE))).isEqualTo(RouteDecision.reject(403, "No"));
        assertThat(decide(router, invite("sip:carol@elsewhere.net", null)))
                .isEqualTo(RouteDecision.reject(480, "Temporarily Unavailable"));
    }
}
