package org.switchboard.server.config;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.core.transport.Transport;

/**
 * One socket the SIP stack is to listen on: a transport and a local address with port. Immutable
 * and safe to share between threads.
 *
 * @param transport the SIP transport, UDP or TCP
 * @param address the local address and port to bind
 */
public record SipListenPoint(Transport transport, InetSocketAddress address) {

    /** Checks that both parts are present. */
    public SipListenPoint {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    /** The form used in logs and error messages, e.g. {@code udp [::]:5060}. */
    @Override
    public String toString() {
        String host = NetUtil.toAddressString(address.getAddress());
        if (address.getAddress() instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        return transport.name().toLowerCase(Locale.ROOT) + " " + host + ":" + address.getPort();
    }
}
