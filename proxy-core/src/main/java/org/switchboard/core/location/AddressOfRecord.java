package org.switchboard.core.location;

import java.util.Locale;
import java.util.Objects;
import org.switchboard.core.message.SipUri;

/**
 * An address-of-record in canonical form (RFC 3261 §10.3 step 5): {@code sip:user@host} with the
 * host in lower case and no port, parameters or headers. The user part is compared as written
 * (case-sensitive, §19.1.4). A {@code sips:} URI has the same address-of-record as its {@code sip:}
 * form. Immutable.
 *
 * <p>{@code equals} and {@code hashCode} are written out: it keys the registrar's and the user
 * directory's maps, looked up several times per request, and the record's generated methods (method
 * handles bound at run time) showed in the registration profile.
 */
public record AddressOfRecord(String user, String host) {

    public AddressOfRecord {
        Objects.requireNonNull(user, "user");
        host = host.toLowerCase(Locale.ROOT);
    }

    /** The address-of-record of a SIP or SIPS URI, e.g. a To header or a Request-URI. */
    public static AddressOfRecord of(SipUri uri) {
        if (uri.user() == null) {
            throw new IllegalArgumentException("An address-of-record needs a user part: " + uri);
        }
        return new AddressOfRecord(uri.user(), uri.host());
    }

    /** Parses {@code sip:user@host} (or any SIP URI, whose extra parts are dropped). */
    public static AddressOfRecord parse(String uri) {
        return of(SipUri.parse(uri));
    }

    public SipUri toUri() {
        return SipUri.of(user, host, -1);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AddressOfRecord other && user.equals(other.user) && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return 31 * user.hashCode() + host.hashCode();
    }

    @Override
    public String toString() {
        return "sip:" + user + '@' + host;
    }
}
