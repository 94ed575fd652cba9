package org.switchboard.webadmin.directory;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.service.BindingsService;
import org.switchboard.core.spi.store.Binding;

/**
 * The registrar's current bindings, for the registrations page and API: listed, and removed one by
 * one. The plugin wires it to the typed bindings service ({@link #of}), the same one other plugins get.
 * Listing does not block (the bindings are in memory); thread-safe.
 */
public interface RegistrationListing {

    /** Every binding the registrar holds now; some may have expired a moment ago. */
    List<Binding> bindings();

    /**
     * Removes the binding of {@code aor} with this {@link Binding#key()}, as an expiry would.
     *
     * @return completes with whether there was such a live binding, once the removal is durable
     */
    CompletionStage<Boolean> unregister(AddressOfRecord aor, String key);

    /** The listing over the registrar's bindings service. */
    static RegistrationListing of(BindingsService bindings) {
        return new RegistrationListing() {
            @Override
            public List<Binding> bindings() {
                return bindings.all();
            }

            @Override
            public CompletionStage<Boolean> unregister(AddressOfRecord aor, String key) {
                return bindings.unregister(aor, key);
            }
        };
    }
}
