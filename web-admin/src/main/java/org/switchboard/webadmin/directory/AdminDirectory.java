package org.switchboard.webadmin.directory;

import java.util.List;
import java.util.Optional;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;

/**
 * The domains and users as the web admin needs them, every change in effect at once for the
 * registrar and digest authentication. The server implements it over the accounts' directory;
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

    /** The users of {@code domain}, sorted by name; {@code UNKNOWN_DOMAIN} if there is no such domain. */
    List<User> users(String domain);

    Optional<User> user(String domain, String name);

    /** Adds an enabled user with a generated SIP password, returned this once. */
    NewCredentials addUser(String domain, String name, String displayName);

    /** Changes display name and enabled flag; {@code UNKNOWN_USER} if there is no such user. */
    void update(User user);

    /** Removes a user; {@code UNKNOWN_USER} if there is no such user. */
    void removeUser(String domain, String name);

    /** The clear-text SIP password of {@code name@domain}, for an export that imports again. */
    String password(String domain, String name);

    /**
     * Imports the users of a UTF-8 CSV text ({@code user,password,display name}) into {@code domain},
     * all or nothing; with {@code dryRun}, only checks them and changes nothing.
     *
     * @throws DirectoryException for an unknown domain or a file that cannot be read at all
     */
    ImportResult importUsers(String domain, byte[] csv, boolean dryRun);
}
