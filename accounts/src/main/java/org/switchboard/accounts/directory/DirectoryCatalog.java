package org.switchboard.accounts.directory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.accounts.digest.CredentialSource;
import org.switchboard.accounts.digest.DigestSecrets;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.DomainStore;
import org.switchboard.core.spi.store.StoredUser;
import org.switchboard.core.spi.store.User;
import org.switchboard.core.spi.store.UserStore;

/**
 * The directory in memory: the domains we serve and each user's digest secrets, so that neither
 * authentication nor call routing waits for the database. It is {@link #load loaded} once at start
 * and then kept current by the {@link UserDirectory}, which reports every change it commits (the
 * admin commands cannot run while the server holds the data directory, so the directory is the
 * only writer).
 *
 * <p>About 300 bytes per user: 100,000 users take some 30 MB.
 *
 * <p><b>Threading:</b> the lookups are thread-safe and never block; {@link #load} blocks.
 */
public final class DirectoryCatalog implements DomainCatalog, CredentialSource, DirectoryListener {
    private final Set<String> domains = ConcurrentHashMap.newKeySet();
    private final Map<AddressOfRecord, DigestSecrets> users = new ConcurrentHashMap<>();

    /** Reads all domains and users from the stores, adding them to what is known. Blocks. */
    public void load(DomainStore domainStore, UserStore userStore) {
        for (Domain domain : domainStore.list()) {
            domains.add(domain.name().toLowerCase(Locale.ROOT));
        }
        userStore.forEachUser(this::put);
    }

    /** The served domains, lower case. */
    public Set<String> domains() {
        return Set.copyOf(domains);
    }

    @Override
    public boolean isLocalDomain(String host) {
        return domains.contains(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean userExists(AddressOfRecord aor) {
        return users.containsKey(aor);
    }

    @Override
    public boolean servesRealm(String realm) {
        return domains.contains(realm);
    }

    @Override
    public Optional<DigestSecrets> secrets(String realm, String username) {
        return Optional.ofNullable(users.get(new AddressOfRecord(username, realm)));
    }

    @Override
    public boolean blocks() {
        return false;
    }

    @Override
    public void domainChanged(String domain, boolean exists) {
        String name = domain.toLowerCase(Locale.ROOT);
        if (exists) {
            domains.add(name);
        } else {
            domains.remove(name);
        }
    }

    @Override
    public void userChanged(String domain, String name, Optional<StoredUser> user) {
        if (user.isPresent()) {
            put(user.get());
        } else {
            users.remove(new AddressOfRecord(name, domain));
        }
    }

    private void put(StoredUser stored) {
        User user = stored.user();
        users.put(user.aor(), new DigestSecrets(stored.ha1Md5(), stored.ha1Sha256(), user.enabled()));
    }
}
