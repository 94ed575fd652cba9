package org.switchboard.dialplan.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.dialplan.features.Treatment.Kind;
import org.switchboard.dialplan.features.Treatment.Stage;

class TreatmentTest {
    private static final String VM = "sip:vm-201@vm.example.com";

    private static UserCallFeatures features(String always, String busy, String noAnswer, Integer seconds,
            boolean dnd, String followMe) {
        return UserCallFeatures.of(new UserFeatures("example.com", "201", always, busy, noAnswer, seconds, dnd,
                followMe));
    }

    @Test
    void aUserWithoutFeaturesOrMailboxIsLeftToTheDialPlan() {
        assertThat(Treatment.decide(null, null)).isNull();
        assertThat(Treatment.decide(features(null, null, null, null, false, null), null)).isNull();
    }

    @Test
    void aMailboxAloneRingsThePhonesForTheDefaultTimeThenTakesBusyAndUnansweredCalls() {
        Treatment t = Treatment.decide(null, VM);

        assertThat(t.kind()).isEqualTo(Kind.RING);
        assertThat(t.stages()).containsExactly(new Stage(true, List.of(), Duration.ofSeconds(20)));
        assertThat(t.onBusy()).isEqualTo(VM);
        assertThat(t.onNoAnswer()).isEqualTo(VM);
    }

    @Test
    void unconditionalForwardingWinsOverEverythingElse() {
        Treatment t = Treatment.decide(features("0301234", "202", "203", 10, true, "204 after 5"), VM);

        assertThat(t).isEqualTo(new Treatment(Kind.FORWARD, "0301234", List.of(), null, null));
        assertThat(Treatment.decide(features("voicemail", null, null, null, false, null), VM).target()).isEqualTo(VM);
    }

    @Test
    void doNotDisturbGoesToTheMailboxOrIsAnswered480WithoutOne() {
        assertThat(Treatment.decide(features(null, "202", null, null, true, null), VM))
                .isEqualTo(new Treatment(Kind.FORWARD, VM, List.of(), null, null));
        assertThat(Treatment.decide(features(null, "202", null, null, true, null), null).kind())
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void noAnswerForwardingRingsThePhonesForTheUsersSecondsAndBusyFallsBackToTheMailbox() {
        Treatment t = Treatment.decide(features(null, null, "0301234", 7, false, null), VM);

        assertThat(t.stages()).containsExactly(new Stage(true, List.of(), Duration.ofSeconds(7)));
        assertThat(t.onNoAnswer()).isEqualTo("0301234");
        assertThat(t.onBusy()).isEqualTo(VM);
    }

    @Test
    void busyForwardingAloneLeavesTheRingTimeToTheProxy() {
        Treatment t = Treatment.decide(features(null, "202", null, null, false, null), null);

        assertThat(t.stages()).containsExactly(new Stage(true, List.of(), null));
        assertThat(t.onBusy()).isEqualTo("202");
        assertThat(t.onNoAnswer()).isNull();
    }

    @Test
    void followMeTargetsTakeOverAtTheirDelayAndTargetsOfEqualDelayRingTogether() {
        Treatment t = Treatment.decide(features(null, null, "voicemail", 25, false,
                "sip:home@example.net after 40, 0171 after 15, 0172 after 15, 205 after 0"), VM);

        assertThat(t.stages()).containsExactly(
                new Stage(true, List.of("205"), Duration.ofSeconds(15)),
                new Stage(false, List.of("0171", "0172"), Duration.ofSeconds(25)),
                new Stage(false, List.of("sip:home@example.net"), Duration.ofSeconds(25)));
        assertThat(t.onNoAnswer()).isEqualTo(VM);
    }

    @Test
    void followMeWithoutForwardingRingsItsLastStageForTheProxysRingTimeout() {
        Treatment t = Treatment.decide(features(null, null, null, null, false, "0171 after 15"), null);

        assertThat(t.stages()).containsExactly(new Stage(true, List.of(), Duration.ofSeconds(15)),
                new Stage(false, List.of("0171"), null));
    }

    @Test
    void badFeaturesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> features(null, null, null, 0, false, null))
                .hasMessageContaining("no-answer time must be 1-600");
        assertThatThrownBy(() -> features(null, null, null, null, false, "0171 in 15"))
                .hasMessageContaining("'0171 in 15' is not 'TARGET after SECONDS'");
        assertThatThrownBy(() -> features(null, null, null, null, false, "0171 after soon"))
                .hasMessageContaining("the seconds are not a number");
        assertThatThrownBy(() -> features("sip:", null, null, null, false, null))
                .hasMessageContaining("neither a number nor a SIP URI");
    }
}
