package org.switchboard.core.spi.route;

import java.util.Objects;
import java.util.Optional;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Flow;

/**
 * What a {@link Router} is asked about: the request after route preprocessing (our own Route entries
 * removed), the flow it arrived on, and who the proxy authenticated as its sender, if anyone (the
 * digest step; a request from a trusted source or another domain has no authenticated caller).
 * Immutable.
 */
public record RouteRequest(SipRequest request, Flow flow, AddressOfRecord authenticatedCaller) {

    public RouteRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(flow, "flow");
    }

    /** The authenticated caller, or empty if the request was not authenticated. */
    public Optional<AddressOfRecord> caller() {
        return Optional.ofNullable(authenticatedCaller);
    }
}
