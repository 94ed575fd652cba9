package org.switchboard.core.location;

import java.util.List;

/**
 * Who is registered where: the live contacts of an address-of-record.
 *
 * <p><b>Threading:</b> {@link #lookup} never blocks and never reads a database; it answers from
 * memory and may be called on a Netty event loop. Implementations are thread-safe.
 */
public interface LocationService {

    /**
     * The contacts registered for {@code aor} that have not expired, highest q-value first (RFC 3261
     * §16.6 forks by q); contacts of equal q keep the order in which they were first registered.
     *
     * @return an immutable list, empty if the address-of-record has no live contact
     */
    List<RegisteredContact> lookup(AddressOfRecord aor);
}
