package org.switchboard.registrar.register;

import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.spi.store.Binding;

/**
 * What a REGISTER asks for once its Contact, Expires and Path headers are checked (RFC 3261 §10.3
 * step 6). Immutable.
 */
sealed interface RegisterRequest {

    /** No Contact: list the current bindings (§10.2.3). */
    record Fetch() implements RegisterRequest {
    }

    /** {@code Contact: *} with {@code Expires: 0}: remove every binding (§10.2.2). */
    record RemoveAll() implements RegisterRequest {
    }

    /**
     * Add, refresh or remove the listed bindings (a binding expiring now removes).
     *
     * @param outbound whether RFC 5626 procedures apply, so the 200 carries {@code Require: outbound}
     */
    record Update(List<Binding> bindings, boolean outbound) implements RegisterRequest {
        public Update {
            bindings = List.copyOf(bindings);
        }
    }

    /**
     * The request is refused with this status; {@code header} and {@code value} are added when not
     * {@code null} (Min-Expires with 423).
     */
    record Invalid(int status, String reason, HeaderName header, String value) implements RegisterRequest {
        Invalid(int status, String reason) {
            this(status, reason, null, null);
        }
    }
}
