package org.switchboard.server.pnp;

import java.net.InetAddress;
import java.net.NetworkInterface;
import org.switchboard.testkit.phone.Phone;

/** Test support: test-kit phones as a phone is before plug-and-play gave it an account. */
public final class PnpPhones {
    private PnpPhones() {
    }

    /** A phone on an ephemeral UDP port of the address, IPv4 or IPv6, with no server yet. */
    public static Phone on(InetAddress address) {
        return Phone.of("pnp", "invalid").localAddress(address).open();
    }

    /** A phone whose multicast goes out on the interface and is looped back to this host. */
    public static Phone multicastOn(NetworkInterface nif, InetAddress address) {
        return Phone.of("pnp", "invalid").localAddress(address).multicastOn(nif).open();
    }
}
