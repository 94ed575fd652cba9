package org.switchboard.nat.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.0.1",
            "100.64.0.1", "100.127.255.254", "169.254.1.1", "fe80::1", "febf::1", "fc00::1", "fdff::1"})
    void rangesNobodyOutsideCanReachArePrivate(String address) throws Exception {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.255.255.255", "11.0.0.1", "172.15.255.255", "172.32.0.1", "192.169.0.1",
            "100.63.255.255", "100.128.0.1", "127.0.0.1", "203.0.113.9", "2001:db8::1", "fec0::1", "::1"})
    void publicAndLoopbackAddressesAreNot(String address) throws Exception {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(address))).isFalse();
    }
}
