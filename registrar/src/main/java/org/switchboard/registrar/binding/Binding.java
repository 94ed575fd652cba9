package org.switchboard.registrar.binding;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.transport.Flow;

/**
 * One binding of an address-of-record to a contact (RFC 3261 §10), with what the registrar must
 * remember about the REGISTER that made it. Immutable.
 *
 * @param contactUri the Contact URI as registered
 * @param q the q-value, 0.0 to 1.0 (1.0 when the contact named none)
 * @param expiresAt when it expires; at or before now means "remove" in a registration
 * @param callId and {@code cseq}: of the REGISTER, for the ordering check of §10.3 step 7
 * @param path the Path header values (RFC 3327), empty if none
 * @param instanceId the {@code +sip.instance} value (RFC 5626 §4.1), or {@code null}
 * @param regId the {@code reg-id} (RFC 5626 §4.2), or 0
 * @param flow transport, local and source address and connection the REGISTER came on
 * @param userAgent the User-Agent header, or {@code null}
 */
public record Binding(AddressOfRecord aor, String contactUri, double q, Instant expiresAt, String callId, long cseq,
        List<String> path, String instanceId, int regId, Flow flow, String userAgent) {

    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(flow, "flow");
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be between 0 and 1: " + q);
        }
        path = List.copyOf(path);
    }

    /**
     * What identifies this binding within its address-of-record: the instance and reg-id when the
     * contact has both (RFC 5626 §6, so a rebooted phone replaces its old binding), otherwise the
     * contact URI (RFC 3261 §10.3 step 7).
     */
    public String key() {
        return instanceId != null && regId > 0 ? "instance:" + instanceId + ";reg-id=" + regId : "uri:" + contactUri;
    }

    public boolean isLive(Instant now) {
        return expiresAt.isAfter(now);
    }

    public RegisteredContact toContact() {
        return new RegisteredContact(contactUri, q, path, flow, expiresAt, instanceId, regId);
    }
}
