package org.switchboard.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/**
 * The acceptance suite where the loopback interface has no MULTICAST flag, as Linux creates it, and
 * the machine has a multicast-capable LAN interface besides, as an office server has: the server
 * joins the group on the LAN interface only, and the phone multicasts there. The server is then
 * multi-homed, so the call's Record-Route must name the address the call came to, not the LAN's.
 * Needs a network namespace of its own, to add the interface; skipped with a message elsewhere.
 */
class LanMulticastAcceptanceIT extends ReadmeDefaultsAcceptance {

    @Override
    Optional<MulticastNetwork> prepareNetwork() throws Exception {
        assumeTrue(TestNetwork.own(), "LanMulticastAcceptanceIT needs a network namespace of its own to add a LAN "
                + "interface (run as root or with user namespaces; see src/test/netns/bin/java); skipped");
        TestNetwork.loopbackMulticast(false);
        var lan = TestNetwork.addLan();
        return Optional.of(new MulticastNetwork(lan, TestNetwork.ipv4(lan).orElseThrow()));
    }

    @Override
    String noMulticastBecause() {
        return "no LAN interface";
    }

    @Override
    void restoreNetwork() throws Exception {
        TestNetwork.removeLan();
    }
}
