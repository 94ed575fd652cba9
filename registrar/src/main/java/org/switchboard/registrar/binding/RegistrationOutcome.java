package org.switchboard.registrar.binding;

import java.util.List;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;

/**
 * What {@link InMemoryLocationService#register} did. Immutable.
 *
 * @param current the live bindings of the address-of-record afterwards, for the 200 response
 *     (RFC 3261 §10.3 step 8); unchanged ones when the update was refused
 * @param changes what to persist; empty when refused
 */
public record RegistrationOutcome(Status status, List<Binding> current, BindingChanges changes) {

    /** Whether the update was applied. */
    public enum Status {
        /** All updates applied (RFC 3261 §10.3: all or none). */
        APPLIED,
        /** A contact's Call-ID matched its binding but the CSeq was not higher: answer 500 (§10.3 step 7). */
        OUT_OF_ORDER,
        /** The address-of-record would have more bindings than allowed; nothing applied. */
        TOO_MANY_BINDINGS
    }

    public RegistrationOutcome {
        current = List.copyOf(current);
    }
}
