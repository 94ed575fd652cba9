package org.switchboard.webadmin.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.switchboard.core.spi.store.AdminAccount;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.webadmin.directory.AdminDirectory;

/** Administrator accounts and domains in maps, for tests. Thread-safe. */
final class InMemoryAdmins implements AdminStore, AdminDirectory {
    private final TreeMap<String, AdminAccount> accounts = new TreeMap<>();
    private final TreeMap<String, Domain> domains = new TreeMap<>();

    @Override
    public synchronized boolean add(AdminAccount account) {
        return accounts.putIfAbsent(account.username(), account) == null;
    }

    @Override
    public synchronized Optional<AdminAccount> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    @Override
    public synchronized List<AdminAccount> list() {
        return new ArrayList<>(accounts.values());
    }

    @Override
    public synchronized int count() {
        return accounts.size();
    }

    @Override
    public synchronized boolean addFirst(AdminAccount account) {
        return accounts.isEmpty() && add(account);
    }

    @Override
    public synchronized List<Domain> domains() {
        return new ArrayList<>(domains.values());
    }

    @Override
    public synchronized Domain addDomain(String name) {
        Domain domain = new Domain(name);
        if (domains.putIfAbsent(domain.name(), domain) != null) {
            throw new DirectoryException(DirectoryException.Reason.DUPLICATE_DOMAIN, "Domain " + name + " exists");
        }
        return domain;
    }
}
