package org.switchboard.core.location;

import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.core.transport.Transport;

/**
 * Who is registered where: the live contacts of an address-of-record.
 *
 * <p><b>Threading:</b> {@link #lookup} and {@link #isContactReachedAt} never block and never read a
 * database; they answer from memory and may be called on a Netty event loop. Implementations are
 * thread-safe.
 */
public interface LocationService {

    /**
     * The contacts registered for {@code aor} that have not expired, highest q-value first (RFC 3261
     * §16.6 forks by q); contacts of equal q keep the order in which they were first registered.
     *
     * @return an immutable list, empty if the address-of-record has no live contact
     */
    List<RegisteredContact> lookup(AddressOfRecord aor);

    /**
     * Whether a live contact of any address-of-record is reached at {@code address} over {@code
     * transport}: the source of the flow its REGISTER came on (RFC 5626 §7 sends to it), or its
     * Contact URI when that names an IP address (the destination RFC 3263 §4 gives for it). The
     * proxy asks this about next hops on its own host that a sender who has not authenticated
     * chose: a phone that runs on the server's host is reached, any other local service is not. It
     * asks about addresses of this host only, and an implementation may keep only those and answer
     * {@code false} for any other. Answers from memory without scanning every binding.
     */
    boolean isContactReachedAt(Transport transport, InetSocketAddress address);
}
