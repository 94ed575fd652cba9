package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
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
 * @param reach how the proxy reaches the contact: over {@code flow}, or at the Contact URI
 */
public record Binding(AddressOfRecord aor, String contactUri, double q, Instant expiresAt, String callId, long cseq,
        List<String> path, String instanceId, int regId, Flow flow, String userAgent, Reach reach) {

    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(reach, "reach");
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be between 0 and 1: " + q);
        }
        path = List.copyOf(path);
    }

    /** A binding reached over its flow ({@link Reach#FLOW}), as every binding was before reach was kept. */
    public Binding(AddressOfRecord aor, String contactUri, double q, Instant expiresAt, String callId, long cseq,
            List<String> path, String instanceId, int regId, Flow flow, String userAgent) {
        this(aor, contactUri, q, expiresAt, callId, cseq, path, instanceId, regId, flow, userAgent, Reach.FLOW);
    }

    /**
     * What identifies this binding within its address-of-record, and its row in the store: the
     * instance and reg-id when the contact has both (RFC 5626 §6: one binding per flow), the instance
     * alone when it has no reg-id, otherwise the contact URI (RFC 3261 §10.3 step 7). RFC 5626 §4.1
     * makes the instance ID persistent across power cycles and unique within the address-of-record,
     * so a phone that reboots and registers a new contact URI (a new port, a new address) under the
     * same instance is the same device, and its new contact replaces the old one, as GRUU registrars
     * (RFC 5627) treat an instance ID, instead of leaving the old one to be rung until it expires.
     */
    public String key() {
        if (instanceId == null) {
            return "uri:" + contactUri;
        }
        return regId > 0 ? "instance:" + instanceId + ";reg-id=" + regId : "instance:" + instanceId;
    }

    /**
     * Whether registering this contact replaces {@code other}: the same {@link #key()}, or, where
     * neither is an RFC 5626 flow, the same contact URI (RFC 3261 §10.3 step 7 matches by URI; a
     * phone that starts or stops sending its instance keeps its one binding). Flows with a reg-id
     * are matched by key alone, since one instance's flows may share a contact URI.
     */
    public boolean replaces(Binding other) {
        if (key().equals(other.key())) {
            return true;
        }
        return regId == 0 && other.regId == 0 && contactUri.equals(other.contactUri);
    }

    public boolean isLive(Instant now) {
        return expiresAt.isAfter(now);
    }

    public RegisteredContact toContact() {
        return new RegisteredContact(contactUri, q, path, flow, expiresAt, instanceId, regId, reach);
    }
}
