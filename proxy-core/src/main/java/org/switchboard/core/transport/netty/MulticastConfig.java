package org.switchboard.core.transport.netty;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.switchboard.core.message.SipRequest;

/**
 * Listening on a SIP multicast group over UDP and IPv4. Immutable.
 *
 * @param group the group, normally {@link #SIP_GROUP}
 * @param port the group's port; when it equals the port of a UDP listen point, both sockets share
 *     the port (SO_REUSEPORT)
 * @param interfaceNames the interfaces to join the group on, by name (e.g. {@code eth0}); empty for
 *     every interface that is up, multicast-capable and has an IPv4 address
 * @param filter which requests on the group go on to the transaction layer; everything else is
 *     dropped unanswered. Called on an event loop: fast, never blocking, never throwing
 */
public record MulticastConfig(InetAddress group, int port, List<String> interfaceNames,
                              Predicate<SipRequest> filter) {
    /** 224.0.1.75, "sip.mcast.net" (RFC 3261 §10.2.6), where phones send plug-and-play SUBSCRIBEs. */
    public static final InetAddress SIP_GROUP = NetUtil.createInetAddressFromIpAddressString("224.0.1.75");

    public MulticastConfig {
        Objects.requireNonNull(group, "group");
        if (!group.isMulticastAddress() || group.getAddress().length != 4) {
            throw new IllegalArgumentException("Not an IPv4 multicast group: " + group.getHostAddress());
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Multicast port out of range: " + port);
        }
        interfaceNames = List.copyOf(interfaceNames);
        Objects.requireNonNull(filter, "filter");
    }
}
