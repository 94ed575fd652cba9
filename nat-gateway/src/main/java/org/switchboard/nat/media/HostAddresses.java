package org.switchboard.nat.media;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.switchboard.nat.media.MediaAnchoring.InetAddressFamily;

/**
 * An address of this host per family, for SDP going out of a SIP socket bound to the wildcard
 * address: the first up, non-loopback interface's, else the loopback address. Reads the interface
 * list, so it is called at start, not on a shard.
 */
public final class HostAddresses {
    private HostAddresses() {
    }

    /** One address per family this host has. */
    public static Map<InetAddressFamily, InetAddress> find() {
        Map<InetAddressFamily, InetAddress> found = new EnumMap<>(InetAddressFamily.class);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        found.putIfAbsent(InetAddressFamily.of(address), address);
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: the loopback addresses below
        }
        found.putIfAbsent(InetAddressFamily.IPV4, InetAddress.getLoopbackAddress());
        return found;
    }
}
