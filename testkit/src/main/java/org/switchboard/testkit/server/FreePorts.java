package org.switchboard.testkit.server;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds a port that is free for both UDP and TCP on an address, for SIP servers and peers that
 * use both. Another process may still take the port before the caller binds it; tests accept that
 * small race. Stateless and thread-safe.
 */
public final class FreePorts {
    private static final int ATTEMPTS = 20;

    private FreePorts() {
    }

    /** A port free for UDP and TCP on the loopback address. */
    public static int udpAndTcp() throws IOException {
        return udpAndTcp(InetAddress.getLoopbackAddress());
    }

    /** A port free for UDP and TCP on the address. */
    public static int udpAndTcp(InetAddress address) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, address);
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), address)) {
                return udp.getLocalPort();
            } catch (BindException e) {
                continue;
            }
        }
        throw new IOException("no port free for both UDP and TCP on " + address + " after " + ATTEMPTS + " tries");
    }
}
