package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipUri;

class LocalAddressesTest {
    private final LocalAddresses udpAndTls = new LocalAddresses(Set.of("10.0.0.1"), Set.of(5060, 5061));
    private final LocalAddresses udpOnly = new LocalAddresses(Set.of("10.0.0.1"), Set.of(5060));

    @Test
    void aUriWithoutPortMeansTheDefaultPortOfItsSchemeAndTransport() {
        assertThat(udpAndTls.isLocal(SipUri.parse("sip:10.0.0.1;lr"))).isTrue();
        assertThat(udpAndTls.isLocal(SipUri.parse("sips:10.0.0.1;lr"))).isTrue();
        assertThat(udpAndTls.isLocal(SipUri.parse("sip:10.0.0.1;transport=tls;lr"))).isTrue();
        assertThat(udpOnly.isLocal(SipUri.parse("sip:10.0.0.1;transport=TLS;lr"))).as("5061 is not ours").isFalse();
        assertThat(udpOnly.isLocal(SipUri.parse("sip:10.0.0.1;transport=tcp;lr"))).isTrue();
    }
}
