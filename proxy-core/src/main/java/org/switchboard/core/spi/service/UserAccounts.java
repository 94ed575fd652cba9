package org.switchboard.core.spi.service;

import java.util.List;
import java.util.Optional;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;

/**
 * Domains and users as other features see them (the phone inventory creates and looks up the users
 * of its lines). Implemented by the accounts module's user directory; wired in by the server.
 *
 * <p><b>Every method blocks</b> (database I/O): call from a blocking executor or the command line,
 * never on an event loop. Errors the admin can fix are {@link DirectoryException}s naming the
 * problem. Thread-safe.
 */
public interface UserAccounts {

    /** All domains, sorted by name. */
    List<Domain> domains();

    /** The users of {@code domain}, sorted by name. */
    List<User> users(String domain);

    /** The user {@code name@domain}, if there is one. */
    Optional<User> user(String domain, String name);

    /** The clear-text SIP password of {@code name@domain}, for a phone's settings file. */
    String password(String domain, String name);

    /**
     * Adds a user with a generated password.
     *
     * @return the user and the password, to hand over once
     */
    NewCredentials addUserWithGeneratedPassword(String domain, String name, String displayName);

    /** Removes the user {@code name@domain}. */
    void removeUser(String domain, String name);
}
