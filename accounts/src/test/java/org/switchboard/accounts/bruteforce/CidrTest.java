package org.switchboard.accounts.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void matchesAddressesInsideThePrefix() throws Exception {
        Cidr net = Cidr.parse("192.168.16.0/20");

        assertThat(net.contains(InetAddress.getByName("192.168.31.255"))).isTrue();
        assertThat(net.contains(InetAddress.getByName("192.168.32.0"))).isFalse();
        assertThat(net.contains(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void bareAddressIsOneHost() throws Exception {
        Cidr host = Cidr.parse("2001:db8::1");

        assertThat(host.contains(InetAddress.getByName("2001:db8::1"))).isTrue();
        assertThat(host.contains(InetAddress.getByName("2001:db8::2"))).isFalse();
    }

    @Test
    void namesAndBadPrefixesAreRefused() {
        assertThatThrownBy(() -> Cidr.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
