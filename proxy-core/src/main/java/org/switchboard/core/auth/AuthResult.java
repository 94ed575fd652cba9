package org.switchboard.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.core.message.SipUri;

/**
 * What an {@link Authenticator} decided about a request. Immutable values; safe to pass between
 * threads.
 *
 * <p>An unknown user and a wrong password both give a {@link Challenge} with {@code stale=false}, so
 * the sender cannot tell them apart (no user enumeration).
 */
public sealed interface AuthResult {

    /**
     * The request carries valid credentials of an enabled user.
     *
     * @param username the user name within the domain, e.g. {@code 201}
     * @param domain the served domain (the digest realm) in lower case
     */
    record Authenticated(String username, String domain) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(username, "username");
            domain = domain.toLowerCase(Locale.ROOT);
        }

        /** The user's own address-of-record, {@code sip:username@domain}. */
        public SipUri aor() {
            return SipUri.of(username, domain, -1);
        }

        /**
         * Whether this user may register bindings for {@code aor} (normally the To URI of a REGISTER):
         * only their own address-of-record (RFC 3261 §10.3 step 3 leaves the policy to us; we allow no
         * third-party registration).
         */
        public boolean owns(SipUri aor) {
            return username.equals(aor.user()) && domain.equalsIgnoreCase(aor.host());
        }
    }

    /**
     * Answer with a challenge: {@link AuthRole#statusCode()} and one {@link AuthRole#challengeHeader()}
     * line per value, in order (RFC 7616 §3.7: the preferred algorithm first).
     *
     * @param stale {@code true} when the credentials were right but the nonce had expired or was
     *     reused, so the client may retry without asking its user (RFC 7616 §3.3)
     */
    record Challenge(AuthRole role, List<String> headerValues, boolean stale) implements AuthResult {
        public Challenge {
            Objects.requireNonNull(role, "role");
            headerValues = List.copyOf(headerValues);
        }
    }

    /**
     * The request cannot be authenticated and a challenge would not help: answer with this status
     * and reason (400 for malformed credentials, 403 for a domain we do not serve).
     */
    record Rejected(int statusCode, String reason) implements AuthResult {
    }

    /**
     * The source address is banned after repeated failures until {@code until}; the caller should
     * drop the request or answer 403 without a challenge.
     */
    record Banned(Instant until) implements AuthResult {
    }
}
