package org.switchboard.nat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nat.detect.Requests.register;
import static org.switchboard.nat.detect.Requests.tcpFrom;
import static org.switchboard.nat.detect.Requests.udpFrom;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Flow;

class NatReachPolicyTest {
    private static final AddressOfRecord AOR = AddressOfRecord.parse("sip:201@example.com");

    private static Reach reach(NatSettings settings, SipRequest register, Flow flow) {
        return new NatReachPolicy(new NatDetector(), () -> settings).reach(register, AOR, flow,
                register.contacts().get(0), false);
    }

    private static NatSettings mode(NatMode mode, String... domainModes) {
        return new NatSettings(mode, List.of(domainModes), Duration.ofSeconds(25), Duration.ofSeconds(60), 3478,
                Duration.ZERO);
    }

    @Test
    void natedPhoneIsReachedOverItsFlow() {
        assertThat(reach(mode(NatMode.AUTO), register("192.168.1.20:5060", "192.168.1.20:5060"),
                udpFrom("203.0.113.9", 40123))).isEqualTo(Reach.FLOW);
    }

    @Test
    void publicPhoneRegisteredFromElsewhereIsReachedAtItsContact() {
        assertThat(reach(mode(NatMode.AUTO), register("203.0.113.9:5070", "198.51.100.44:5060"),
                udpFrom("203.0.113.9", 5070))).isEqualTo(Reach.CONTACT);
    }

    @Test
    void publicPhoneAtTheAddressItRegisteredFromIsReachedOverThatFlow() {
        assertThat(reach(mode(NatMode.AUTO), register("203.0.113.9:5060", "203.0.113.9:5060"),
                udpFrom("203.0.113.9", 5060))).isEqualTo(Reach.FLOW);
    }

    @Test
    void tcpPhoneOnTheHostItConnectedFromKeepsItsConnection() {
        SipRequest tcp = Requests.register("TCP", "203.0.113.9:5060", "203.0.113.9:5060;transport=tcp");
        assertThat(reach(mode(NatMode.AUTO), tcp, tcpFrom("203.0.113.9", 49152))).isEqualTo(Reach.FLOW);
        SipRequest elsewhere = Requests.register("TCP", "203.0.113.9:5060", "198.51.100.44:5060;transport=tcp");
        assertThat(reach(mode(NatMode.AUTO), elsewhere, tcpFrom("203.0.113.9", 49152))).isEqualTo(Reach.CONTACT);
    }

    @Test
    void alwaysReachesEveryPhoneOverItsFlowAndNeverNone() {
        SipRequest thirdParty = register("203.0.113.9:5070", "198.51.100.44:5060");
        assertThat(reach(mode(NatMode.ALWAYS), thirdParty, udpFrom("203.0.113.9", 5070))).isEqualTo(Reach.FLOW);
        assertThat(reach(mode(NatMode.NEVER), register("192.168.1.20:5060", "192.168.1.20:5060"),
                udpFrom("203.0.113.9", 40123))).isEqualTo(Reach.CONTACT);
    }

    @Test
    void domainModeOverridesTheDefault() {
        SipRequest nated = register("192.168.1.20:5060", "192.168.1.20:5060");
        assertThat(reach(mode(NatMode.AUTO, "Example.com=never"), nated, udpFrom("203.0.113.9", 40123)))
                .isEqualTo(Reach.CONTACT);
        assertThat(reach(mode(NatMode.AUTO, "other.org=never"), nated, udpFrom("203.0.113.9", 40123)))
                .isEqualTo(Reach.FLOW);
    }

    @Test
    void rfc5626FlowIsAlwaysReachedOverItsFlow() {
        SipRequest thirdParty = register("203.0.113.9:5070", "198.51.100.44:5060");
        Reach reach = new NatReachPolicy(new NatDetector(), () -> mode(NatMode.NEVER)).reach(thirdParty, AOR,
                udpFrom("203.0.113.9", 5070), thirdParty.contacts().get(0), true);
        assertThat(reach).isEqualTo(Reach.FLOW);
    }
}
