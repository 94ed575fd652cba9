package org.switchboard.nat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nat.detect.Requests.register;
import static org.switchboard.nat.detect.Requests.tcpFrom;
import static org.switchboard.nat.detect.Requests.udpFrom;

import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipRequest;

class NatDetectorTest {
    private final NatDetector detector = new NatDetector();

    @Test
    void phoneWritingItsPrivateAddressBehindANatIsNated() {
        assertThat(detector.isNated(register("192.168.1.20:5060", "192.168.1.20:5060"), udpFrom("203.0.113.9", 40123)))
                .isTrue();
    }

    @Test
    void privateContactAloneMakesANat() {
        assertThat(detector.isNated(register("203.0.113.9:5060", "10.0.0.7:5060"), udpFrom("203.0.113.9", 5060)))
                .isTrue();
    }

    @Test
    void sharedAndLinkLocalContactsAreUnreachableToo() {
        assertThat(detector.isNated(register("203.0.113.9:5060", "100.64.3.4:5060"), udpFrom("203.0.113.9", 5060)))
                .isTrue();
        assertThat(detector.isNated(register("203.0.113.9:5060", "169.254.10.1:5060"), udpFrom("203.0.113.9", 5060)))
                .isTrue();
        assertThat(detector.isNated(register("[2001:db8::9]:5060", "[fd00::7]:5060"), udpFrom("2001:db8::9", 5060)))
                .isTrue();
    }

    @Test
    void udpSourcePortOtherThanTheViaPortIsANatThatKeptTheAddress() {
        assertThat(detector.isNated(register("203.0.113.9:5060", "203.0.113.9:5060"), udpFrom("203.0.113.9", 61000)))
                .isTrue();
    }

    @Test
    void viaWithoutPortMeans5060() {
        assertThat(detector.isNated(register("203.0.113.9", "203.0.113.9"), udpFrom("203.0.113.9", 5060))).isFalse();
        assertThat(detector.isNated(register("203.0.113.9", "203.0.113.9"), udpFrom("203.0.113.9", 5070))).isTrue();
    }

    @Test
    void phoneOnAPublicAddressIsNotNated() {
        assertThat(detector.isNated(register("203.0.113.9:5060", "203.0.113.9:5060"), udpFrom("203.0.113.9", 5060)))
                .isFalse();
    }

    @Test
    void phoneOnThePrivateNetworkOfTheServerItselfIsNotNated() {
        assertThat(detector.isNated(register("192.168.1.20:5060", "192.168.1.20:5060"), udpFrom("192.168.1.20", 5060)))
                .isFalse();
    }

    @Test
    void thirdPartyRegistrationFromWhereTheViaSaysIsNotANat() {
        assertThat(detector.isNated(register("203.0.113.9:5070", "198.51.100.44:5060"), udpFrom("203.0.113.9", 5070)))
                .isFalse();
    }

    @Test
    void tcpComparesAddressesOnlyItsSourcePortIsEphemeral() {
        assertThat(detector.isNated(register("203.0.113.9:5060", "203.0.113.9:5060"), tcpFrom("203.0.113.9", 49152)))
                .isFalse();
        assertThat(detector.isNated(register("192.168.1.20:5060", "192.168.1.20:5060"), tcpFrom("203.0.113.9", 49152)))
                .isTrue();
    }

    @Test
    void privateContactBehindAnotherProxyIsThatProxysBusiness() {
        SipRequest viaProxy = Requests.parse("INVITE sip:202@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 203.0.113.50:5060;branch=z9hG4bK-proxy\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-phone\r\n"
                + "From: <sip:201@example.com>;tag=1\r\nTo: <sip:202@example.com>\r\nCall-ID: p@t\r\n"
                + "CSeq: 1 INVITE\r\nContact: <sip:201@10.0.0.7:5060>\r\nContent-Length: 0\r\n\r\n");

        assertThat(detector.isNated(viaProxy, udpFrom("203.0.113.50", 5060))).isFalse();
    }

    @Test
    void hostNameInViaFallsBackToComparingTheContact() {
        assertThat(detector.isNated(register("phone.example.com:5060", "203.0.113.50:5060"), udpFrom("203.0.113.9", 5060)))
                .isTrue();
        assertThat(detector.isNated(register("phone.example.com:5060", "203.0.113.9:5060"), udpFrom("203.0.113.9", 5060)))
                .isFalse();
    }
}
