package org.switchboard.core.transport.netty;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * Checks that a UDP port is free before it is bound with SO_REUSEPORT, which would otherwise let a
 * second server of the same user bind the port too and silently receive part of its traffic. A
 * probe socket without the option fails to bind if any socket holds the port. Called at start only.
 */
final class PortProbe {
    private PortProbe() {
    }

    /** @throws BindException if the address is in use */
    static void requireFree(InetSocketAddress address) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(null)) {
            probe.setReuseAddress(false);
            probe.bind(address);
        } catch (BindException e) {
            throw new BindException("UDP port " + address.getPort() + " is in use (" + e.getMessage() + ")");
        }
    }
}
