package org.switchboard.nat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nat.detect.Requests.invite;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;

class NatedContactFixupTest {

    @Test
    void contactTakesTheSourceAddressAndPortKeepingNameAndParameters() {
        SipRequest fixed = NatedContactFixup.withContactsAt(invite("192.168.1.20:5060", "192.168.1.20:5060"),
                new InetSocketAddress("203.0.113.9", 40123));
        assertThat(fixed.headers().firstValue(HeaderName.CONTACT))
                .isEqualTo("\"Desk\" <sip:201@203.0.113.9:40123;transport=udp>;expires=60");
    }

    @Test
    void ipv6SourceIsWrittenInBrackets() {
        SipRequest fixed = NatedContactFixup.withContactsAt(invite("[fd00::7]:5060", "[fd00::7]:5060"),
                new InetSocketAddress("2001:db8::9", 40123));
        assertThat(fixed.contacts().get(0).sipUri().host()).isEqualTo("[2001:db8::9]");
        assertThat(fixed.contacts().get(0).sipUri().port()).isEqualTo(40123);
    }

    @Test
    void contactAlreadyAtTheSourceIsLeftAsItIs() {
        SipRequest request = invite("203.0.113.9:40123", "203.0.113.9:40123");
        assertThat(NatedContactFixup.withContactsAt(request, new InetSocketAddress("203.0.113.9", 40123)))
                .isSameAs(request);
    }
}
