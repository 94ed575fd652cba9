package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.Via;

class ViaReceivedFixupTest {

    @Test
    void viaFromTheSourceAddressWithoutRportIsUnchanged() {
        Via via = Via.parse("SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bK1");
        assertThat(ViaReceivedFixup.fix(via, new InetSocketAddress("192.0.2.5", 5060))).isSameAs(via);
    }

    @Test
    void sentByDifferentFromSourceGetsReceived() {
        Via via = Via.parse("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1");
        Via fixed = ViaReceivedFixup.fix(via, new InetSocketAddress("192.0.2.5", 1234));
        assertThat(fixed.received()).isEqualTo("192.0.2.5");
        assertThat(fixed.hasRport()).isFalse();
    }

    @Test
    void hostNameSentByGetsReceived() {
        Via via = Via.parse("SIP/2.0/TCP phone.example.com;branch=z9hG4bK1");
        assertThat(ViaReceivedFixup.fix(via, new InetSocketAddress("192.0.2.5", 1234)).received())
                .isEqualTo("192.0.2.5");
    }

    @Test
    void valuelessRportIsFilledAndReceivedAddedEvenForTheSameHost() {
        Via via = Via.parse("SIP/2.0/UDP 192.0.2.5:5060;rport;branch=z9hG4bK1");
        Via fixed = ViaReceivedFixup.fix(via, new InetSocketAddress("192.0.2.5", 33333));
        assertThat(fixed.rport()).isEqualTo(33333);
        assertThat(fixed.received()).isEqualTo("192.0.2.5");
        assertThat(fixed.toString()).isEqualTo("SIP/2.0/UDP 192.0.2.5:5060;rport=33333;branch=z9hG4bK1;received=192.0.2.5");
    }

    @Test
    void ipv6SentByMatchingTheSourceIsUnchanged() {
        Via via = Via.parse("SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK1");
        assertThat(ViaReceivedFixup.fix(via, new InetSocketAddress("2001:db8:0:0::1", 5060))).isSameAs(via);
    }

    @Test
    void ipv6SourceIsRecordedInBracketsAndReadBack() {
        Via via = Via.parse("SIP/2.0/UDP [2001:db8::1]:5060;rport;branch=z9hG4bK1");
        Via fixed = ViaReceivedFixup.fix(via, new InetSocketAddress("2001:db8::99", 5062));
        Via reparsed = Via.parse(fixed.toString());
        assertThat(reparsed.received()).isEqualTo("[2001:db8::99]");
        assertThat(reparsed.rport()).isEqualTo(5062);
    }
}
