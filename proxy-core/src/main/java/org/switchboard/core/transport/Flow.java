package org.switchboard.core.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How a message travelled: transport, our local socket address, the peer's address, and for
 * connection-oriented transports the connection it came on (RFC 5626 calls this a flow).
 *
 * @param connectionId identifies the TCP/TLS/WS connection, or {@code 0} for UDP
 */
public record Flow(Transport transport, InetSocketAddress local, InetSocketAddress remote, long connectionId) {

    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    @Override
    public String toString() {
        return transport + " " + Addresses.format(remote) + " -> " + Addresses.format(local)
                + (connectionId != 0 ? " #" + connectionId : "");
    }
}
