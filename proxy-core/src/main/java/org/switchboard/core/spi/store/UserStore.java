package org.switchboard.core.spi.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Persistence of users and their secrets. <b>Every method blocks</b> (database I/O): call from the
 * blocking executor. Implementations are thread-safe; failures of the database itself are {@link
 * org.switchboard.core.spi.store.StoreException}.
 */
public interface UserStore {

    /**
     * Adds one user; {@link DirectoryException.Reason#UNKNOWN_DOMAIN} if the domain does not exist,
     * {@link DirectoryException.Reason#DUPLICATE_USER} if the user does.
     */
    void add(StoredUser user);

    /**
     * Adds many users in one transaction: all or none, with the same errors as {@link #add}.
     *
     * @return how many were added
     */
    int addAll(Collection<StoredUser> users);

    Optional<StoredUser> find(String domain, String name);

    /** Hands every user of every domain to {@code action}, one at a time, to load in-memory views. */
    void forEachUser(Consumer<StoredUser> action);

    /** The users of a domain, sorted by name. */
    List<User> list(String domain);

    /** The user names of a domain, for duplicate checks before a bulk import. */
    Set<String> names(String domain);

    /** Replaces the encrypted password and both HA1 values; returns whether the user exists. */
    boolean updateSecrets(String domain, String name, String encryptedPassword, String ha1Md5, String ha1Sha256);

    /** Replaces display name and enabled flag; returns whether the user exists. */
    boolean update(User user);

    /** Returns whether the user existed. */
    boolean remove(String domain, String name);
}
