package org.switchboard.dialplan.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.dialplan.features.FeatureChange.Kind;

class FeatureCodesTest {
    private static final FeatureCodes DEFAULTS = FeatureCodes.of(Map.of());

    @Test
    void theDefaultCodesSwitchForwardingWithItsTargetAndDoNotDisturb() {
        assertThat(DEFAULTS.match("*720301234")).isEqualTo(new FeatureChange(Kind.FORWARD_ON, "0301234"));
        assertThat(DEFAULTS.match("*72")).isEqualTo(new FeatureChange(Kind.FORWARD_ON, ""));
        assertThat(DEFAULTS.match("*73")).isEqualTo(new FeatureChange(Kind.FORWARD_OFF, null));
        assertThat(DEFAULTS.match("*78")).isEqualTo(new FeatureChange(Kind.DND_ON, null));
        assertThat(DEFAULTS.match("*79")).isEqualTo(new FeatureChange(Kind.DND_OFF, null));
    }

    @Test
    void numbersThatAreNoCodeAreNotMatched() {
        assertThat(DEFAULTS.match("201")).isNull();
        assertThat(DEFAULTS.match("*7")).isNull();
        assertThat(DEFAULTS.match("*731")).isNull();
    }

    @Test
    void configuredCodesReplaceTheDefaultsAndOffSwitchesOneOff() {
        FeatureCodes codes = FeatureCodes.of(Map.of("code.forward-on", "#21#", "code.dnd-on", "off"));

        assertThat(codes.match("#21#0301234")).isEqualTo(new FeatureChange(Kind.FORWARD_ON, "0301234"));
        assertThat(codes.match("*720301234")).isNull();
        assertThat(codes.match("*78")).isNull();
        assertThat(codes.code(Kind.DND_ON)).isNull();
        assertThat(codes.code(Kind.DND_OFF)).isEqualTo("*79");
    }

    @Test
    void theLongerOfTwoCodesThatStartAlikeWins() {
        FeatureCodes codes = FeatureCodes.of(Map.of("code.forward-on", "*7", "code.forward-off", "*70"));

        assertThat(codes.match("*70")).isEqualTo(new FeatureChange(Kind.FORWARD_OFF, null));
        assertThat(codes.match("*7123")).isEqualTo(new FeatureChange(Kind.FORWARD_ON, "123"));
    }

    @Test
    void aCodeTakenTwiceOrNotDiallableIsRefused() {
        assertThatThrownBy(() -> FeatureCodes.of(Map.of("code.dnd-on", "*73")))
                .hasMessageContaining("already another feature's code");
        assertThatThrownBy(() -> FeatureCodes.of(Map.of("code.dnd-on", "*7 8")))
                .hasMessageContaining("not a code a phone can dial");
    }

    @Test
    void aChangeKeepsTheOtherFeaturesAndSaysWhatChanged() {
        UserFeatures old = new UserFeatures("example.com", "201", null, "202", "vm", 15, true, "0171 after 10");

        assertThat(new FeatureChange(Kind.FORWARD_ON, "0301234").applyTo(old))
                .isEqualTo(new UserFeatures("example.com", "201", "0301234", "202", "vm", 15, true, "0171 after 10"));
        assertThat(new FeatureChange(Kind.DND_OFF, null).applyTo(old).doNotDisturb()).isFalse();
        assertThat(new FeatureChange(Kind.FORWARD_ON, "0301234").describe())
                .isEqualTo("Call forwarding on to 0301234");
        assertThat(new FeatureChange(Kind.DND_ON, null).describe()).isEqualTo("Do not disturb on");
    }
}
