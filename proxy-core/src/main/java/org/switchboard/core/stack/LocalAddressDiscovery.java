package org.switchboard.core.stack;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.switchboard.core.proxy.LocalAddresses;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.ListenPoint;

/**
 * Works out the addresses by which the server is reached from the sockets it bound: a wildcard
 * socket answers on every address of every interface. Reads the interface list, so it is called at
 * start, not on an event loop.
 */
final class LocalAddressDiscovery {
    private LocalAddressDiscovery() {
    }

    static LocalAddresses discover(List<ListenPoint> bound, Set<String> hostNames) throws SocketException {
        Set<String> hosts = new HashSet<>(hostNames);
        Set<Integer> ports = new HashSet<>();
        boolean wildcard = false;
        for (ListenPoint lp : bound) {
            ports.add(lp.address().getPort());
            InetAddress address = lp.address().getAddress();
            if (address.isAnyLocalAddress()) {
                wildcard = true;
            } else {
                hosts.add(Addresses.host(address));
            }
        }
        if (wildcard) {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    hosts.add(Addresses.host(address));
                }
            }
            hosts.add(localHostName());
        }
        hosts.add("localhost");
        return new LocalAddresses(hosts, ports);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
