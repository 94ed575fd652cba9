package org.switchboard.core.spi.route;

import java.util.List;
import java.util.Objects;
import org.switchboard.core.location.Reach;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.transport.Flow;

/**
 * One place to send a request (RFC 3261 §16.5): the new Request-URI, its q-value for forking, the
 * Route entries to put in front of the request (a registration's Path, an outbound proxy), and
 * the flow to reuse for a registered contact reached without a Path (RFC 5626 §5.3). Immutable.
 *
 * @param uri the Request-URI of the forwarded request
 * @param q 0.0 to 1.0; targets of equal q are tried in parallel, higher q first
 * @param routeSet Route values (name-addr form) to add on top of the request's own, top first
 * @param flow the flow to send on, or {@code null} to find the next hop by RFC 3263
 */
public record Target(SipUri uri, double q, List<String> routeSet, Flow flow) {

    public Target {
        Objects.requireNonNull(uri, "uri");
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be within 0..1: " + q);
        }
        routeSet = List.copyOf(routeSet);
    }

    /** A target reached by RFC 3263 from its URI, q 1.0. */
    public static Target of(SipUri uri) {
        return new Target(uri, 1.0, List.of(), null);
    }

    /** A target reached through the given route (e.g. an outbound proxy URI with {@code ;lr}). */
    public static Target via(SipUri uri, String route) {
        return new Target(uri, 1.0, List.of(route), null);
    }

    /**
     * A registered contact: its Path becomes the route set (RFC 3327 §5.3); without a Path the
     * request goes back over the flow the registration came on when the contact is reached over its
     * flow ({@link Reach#FLOW}: behind a NAT, an RFC 5626 flow), else to its Contact URI by RFC 3263
     * (RFC 3261 §16.5: a contact registered from elsewhere is reached where it says).
     */
    public static Target registered(RegisteredContact contact) {
        SipUri uri = SipUri.parse(contact.uri());
        boolean overFlow = contact.path().isEmpty() && contact.reach() == Reach.FLOW;
        return new Target(uri, contact.q(), contact.path(), overFlow ? contact.flow() : null);
    }
}
