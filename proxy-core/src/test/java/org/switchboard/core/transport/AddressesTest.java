package org.switchboard.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void writesIpv6InShortFormInBrackets() throws Exception {
        assertThat(Addresses.host(InetAddress.getByName("2001:db8:0:0:0:0:0:99"))).isEqualTo("[2001:db8::99]");
        assertThat(Addresses.host(InetAddress.getByName("::1"))).isEqualTo("[::1]");
        assertThat(Addresses.host(InetAddress.getByName("::"))).isEqualTo("[::]");
        assertThat(Addresses.host(InetAddress.getByName("2001:db8:0:1:0:0:1:1"))).isEqualTo("[2001:db8:0:1::1:1]");
        assertThat(Addresses.host(InetAddress.getByName("fe80:0:0:0:0:0:0:0"))).isEqualTo("[fe80::]");
    }

    @Test
    void leavesASingleZeroGroupUncompressed() throws Exception {
        assertThat(Addresses.host(InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("[2001:db8:0:1:1:1:1:1]");
    }

    @Test
    void writesIpv4AndSocketAddresses() throws Exception {
        assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5060)))
                .isEqualTo("192.0.2.1:5060");
        assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 5062))).isEqualTo("[::1]:5062");
    }
}
