package org.switchboard.server;

import java.util.Optional;

/**
 * The acceptance suite where the loopback interface has the MULTICAST flag (as {@code ip link set lo
 * multicast on} gives it): the server joins the group on {@code lo}, and the phone multicasts there.
 * In a namespace of its own the test sets the flag itself; elsewhere it uses {@code lo} only if the
 * flag is already set.
 */
class LoopbackMulticastAcceptanceIT extends ReadmeDefaultsAcceptance {

    @Override
    Optional<MulticastNetwork> prepareNetwork() throws Exception {
        if (TestNetwork.own()) {
            TestNetwork.loopbackMulticast(true);
        }
        return TestNetwork.multicastLoopback()
                .map(lo -> new MulticastNetwork(lo, TestNetwork.ipv4(lo).orElseThrow()));
    }

    @Override
    String noMulticastBecause() {
        return "the loopback interface has no MULTICAST flag and this run, outside a network namespace of its own, "
                + "leaves the machine's interfaces as they are; LanMulticastAcceptanceIT covers a loopback without it";
    }

    @Override
    void restoreNetwork() throws Exception {
        if (TestNetwork.own()) {
            TestNetwork.loopbackMulticast(false);
        }
    }
}
