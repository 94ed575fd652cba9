package org.switchboard.webadmin.directory;

import java.util.List;
import org.switchboard.core.spi.store.Binding;

/**
 * The registrar's current bindings, for the registrations page. The server implements it over the
 * registrar's location service; it is the web admin's own interface until the plugin context offers
 * a typed bindings service. Does not block (the bindings are in memory); thread-safe.
 */
@FunctionalInterface
public interface RegistrationListing {

    /** Every binding the registrar holds now; some may have expired a moment ago. */
    List<Binding> bindings();
}
