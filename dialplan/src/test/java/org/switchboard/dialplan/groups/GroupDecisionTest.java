package org.switchboard.dialplan.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteDecision.TargetGroup;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.spi.store.HuntGroup;

class GroupDecisionTest {
    private static final Target A = Target.of(SipUri.parse("sip:201@127.0.0.1:40001"));
    private static final Target A2 = Target.of(SipUri.parse("sip:201@127.0.0.1:40011"));
    private static final Target B = Target.of(SipUri.parse("sip:202@127.0.0.1:40002"));
    private static final Target VM = Target.of(SipUri.parse("sip:vm-600@vm.example.com"));
    private static final Duration TEN = Duration.ofSeconds(10);

    private static Group group(String strategy) {
        return Group.of(new HuntGroup("example.com", "600", strategy, 10, "201, 203, 202", "voicemail"));
    }

    @Test
    void ringAllRingsEveryReachableMemberTogetherThenTheFallback() {
        assertThat(GroupDecision.decide(group("ring-all"), List.of(List.of(A, A2), List.of(), List.of(B)), List.of(VM)))
                .isEqualTo(new RouteDecision.Forward(List.of(new TargetGroup(List.of(A, A2, B), TEN)),
                        List.of(new TargetGroup(List.of(VM), null))));
    }

    @Test
    void linearRingsOneMemberAfterAnotherEachForTheRingTimeSkippingThoseNotReachable() {
        assertThat(GroupDecision.decide(group("linear"), List.of(List.of(A, A2), List.of(), List.of(B)), List.of()))
                .isEqualTo(new RouteDecision.Forward(List.of(new TargetGroup(List.of(A, A2), TEN),
                        new TargetGroup(List.of(B), TEN)), List.of()));
    }

    @Test
    void withNoMemberReachableTheFallbackTakesTheCallAtOnceOrTheCallerGets480() {
        assertThat(GroupDecision.decide(group("linear"), List.of(List.of(), List.of()), List.of(VM)))
                .isEqualTo(RouteDecision.forward(List.of(VM)));
        assertThat(GroupDecision.decide(group("ring-all"), List.of(List.of()), List.of()))
                .isEqualTo(RouteDecision.reject(480, "No Group Member Available"));
    }

    @Test
    void aGroupIsReadWithItsDefaultsAndRefusedWhenItCannotWork() {
        Group g = Group.of(new HuntGroup("example.com", "sales", "RING-ALL", null, "201,,202", null));
        assertThat(g.strategy()).isEqualTo(Strategy.RING_ALL);
        assertThat(g.ringTime()).isEqualTo(Group.DEFAULT_RING);
        assertThat(g.members()).containsExactly("201", "202");

        assertThatThrownBy(() -> Group.of(new HuntGroup("example.com", "600", "random", null, "201", null)))
                .hasMessageContaining("neither ring-all nor linear");
        assertThatThrownBy(() -> Group.of(new HuntGroup("example.com", "600", "linear", null, " , ", null)))
                .hasMessageContaining("at least one member");
        assertThatThrownBy(() -> Group.of(new HuntGroup("example.com", "600", "linear", 0, "201", null)))
                .hasMessageContaining("1-600 seconds");
    }
}
