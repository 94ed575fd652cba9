package org.switchboard.presence.subscription;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.switchboard.core.transport.Destination;

/**
 * Where a subscription's NOTIFYs go: the subscriber's Contact as Request-URI (the remote target,
 * RFC 3261 §12.1.1), the route set from the SUBSCRIBE's Record-Route, and the socket to send to —
 * the address the SUBSCRIBE came from over its flow, so that a phone behind a NAT gets them through
 * the mapping its SUBSCRIBE opened (as the registrar's reach policy does for calls). Immutable.
 *
 * @param remoteTarget the subscriber's Contact URI
 * @param routeSet Route values for the NOTIFY, top first
 * @param destination where the NOTIFY is sent
 * @param local our address on that flow, for Via and Contact
 */
public record SubscriberAddress(String remoteTarget, List<String> routeSet, Destination destination,
        InetSocketAddress local) {
    public SubscriberAddress {
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(local, "local");
    }
}
