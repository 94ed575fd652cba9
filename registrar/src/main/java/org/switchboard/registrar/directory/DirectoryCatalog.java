package org.switchboard.registrar.directory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.proxy.routing.DomainCatalog;

/**
 * The proxy's view of the directory: which domains we serve and which users exist, answered from
 * an in-memory snapshot so that call routing never waits for the database. {@link #refresh()}
 * reloads the snapshot (it blocks); the lookups are thread-safe and never block.
 */
public final class DirectoryCatalog implements DomainCatalog {
    private final UserDirectory directory;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Set.of());

    private record Snapshot(Set<String> domains, Set<AddressOfRecord> users) {
    }

    public DirectoryCatalog(UserDirectory directory) {
        this.directory = directory;
    }

    /** Reloads domains and users from the directory. Blocks; call off the event loops. */
    public void refresh() {
        Set<String> domains = new HashSet<>();
        Set<AddressOfRecord> users = new HashSet<>();
        for (Domain domain : directory.domains()) {
            domains.add(domain.name().toLowerCase(Locale.ROOT));
            for (User user : directory.users(domain.name())) {
                users.add(user.aor());
            }
        }
        snapshot = new Snapshot(Set.copyOf(domains), Set.copyOf(users));
    }

    /** The served domains of the last snapshot. */
    public Set<String> domains() {
        return snapshot.domains();
    }

    @Override
    public boolean isLocalDomain(String host) {
        return snapshot.domains().contains(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean userExists(AddressOfRecord aor) {
        return snapshot.users().contains(aor);
    }
}
