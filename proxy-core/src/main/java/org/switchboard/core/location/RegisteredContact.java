package org.switchboard.core.location;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.switchboard.core.transport.Flow;

/**
 * One live contact of an address-of-record, as the proxy needs it to build a target. Immutable.
 *
 * @param uri the Contact URI as registered
 * @param q the q-value, 0.0 to 1.0 with three decimals (RFC 3261 §20.10); 1.0 when the contact named
 *     none
 * @param path the Path header values stored with the binding, to become the target's Route set
 *     (RFC 3327 §5.3); empty if none
 * @param flow the transport, local and remote address and connection the REGISTER came on (RFC 5626
 *     §7: send requests for this contact over the same flow)
 * @param expiresAt when the binding expires
 * @param instanceId the {@code +sip.instance} value (RFC 5626 §4.1), or {@code null}
 * @param regId the {@code reg-id} (RFC 5626 §4.2), or 0 if none
 * @param reach whether requests go over {@code flow} or to the Contact URI
 */
public record RegisteredContact(String uri, double q, List<String> path, Flow flow, Instant expiresAt,
        String instanceId, int regId, Reach reach) {

    public RegisteredContact {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reach, "reach");
        path = List.copyOf(path);
    }

    /** A contact reached over its flow ({@link Reach#FLOW}). */
    public RegisteredContact(String uri, double q, List<String> path, Flow flow, Instant expiresAt,
            String instanceId, int regId) {
        this(uri, q, path, flow, expiresAt, instanceId, regId, Reach.FLOW);
    }
}
