package org.switchboard.core.transport.netty;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the interfaces to join a multicast group on. Reads the system's interface list, so it is
 * called at start, never on an event loop. Stateless.
 */
final class MulticastInterfaces {
    private MulticastInterfaces() {
    }

    /**
     * The interfaces named, or with no names every interface that is up, multicast-capable and has
     * an IPv4 address.
     *
     * @throws IOException if a named interface does not exist or cannot join a group (down, not
     *     multicast-capable, no IPv4 address), so that an admin's explicit choice never fails silently
     */
    static List<NetworkInterface> choose(List<String> names) throws IOException {
        if (names.isEmpty()) {
            List<NetworkInterface> usable = new ArrayList<>();
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (unusableBecause(nif) == null) {
                    usable.add(nif);
                }
            }
            return usable;
        }
        List<NetworkInterface> chosen = new ArrayList<>();
        for (String name : names) {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                throw new IOException("Network interface " + name + " for multicast SIP does not exist");
            }
            String problem = unusableBecause(nif);
            if (problem != null) {
                throw new IOException("Network interface " + name + " cannot receive multicast SIP: " + problem);
            }
            chosen.add(nif);
        }
        return chosen;
    }

    /** The interface's first IPv4 address, if it has one. */
    static Optional<InetAddress> ipv4Address(NetworkInterface nif) {
        for (InetAddress address : Collections.list(nif.getInetAddresses())) {
            if (address instanceof Inet4Address) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    private static String unusableBecause(NetworkInterface nif) throws SocketException {
        if (!nif.isUp()) {
            return "it is down";
        }
        if (!nif.supportsMulticast()) {
            return "it does not support multicast";
        }
        if (ipv4Address(nif).isEmpty()) {
            return "it has no IPv4 address";
        }
        return null;
    }
}
