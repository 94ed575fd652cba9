package org.switchboard.webadmin.directory;

import java.util.List;
import org.switchboard.core.spi.store.Domain;

/**
 * The domains as the web admin needs them: listed and added, with the change in effect at once for
 * the registrar and digest authentication. The server implements it over the accounts' directory;
 * it is the web admin's own interface until the plugin context offers a typed directory service.
 *
 * <p><b>Every method blocks</b> (database I/O). Errors an admin can fix are {@link
 * org.switchboard.core.spi.store.DirectoryException}s naming the problem. Thread-safe.
 */
public interface AdminDirectory {

    /** All domains, sorted by name. */
    List<Domain> domains();

    /** Adds a domain; {@code DUPLICATE_DOMAIN} if it exists, {@code BAD_ADDRESS} if the name is not one. */
    Domain addDomain(String name);
}
