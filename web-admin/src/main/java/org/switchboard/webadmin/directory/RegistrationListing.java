package org.switchboard.webadmin.directory;

import java.util.List;
import org.switchboard.core.spi.store.Binding;

/**
 * The registrar's current bindings, for the registrations page. The server wires it to the typed bindings
 * service ({@code BindingsService.all()}), the same listing plugins get. Does not block (the bindings are in memory); thread-safe.
 */
@FunctionalInterface
public interface RegistrationListing {

    /** Every binding the registrar holds now; some may have expired a moment ago. */
    List<Binding> bindings();
}
