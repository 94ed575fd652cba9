package org.switchboard.core.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where to send a message: a transport and a resolved address, and optionally the connection to
 * use (for responses and for requests to a phone behind NAT that must reuse its flow).
 *
 * @param connectionId an existing connection to prefer, or {@code 0} for any / a new one
 */
public record Destination(Transport transport, InetSocketAddress address, long connectionId) {

    public Destination {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    public static Destination of(Transport transport, InetSocketAddress address) {
        return new Destination(transport, address, 0);
    }

    @Override
    public String toString() {
        return transport + " " + Addresses.format(address) + (connectionId != 0 ? " #" + connectionId : "");
    }
}
