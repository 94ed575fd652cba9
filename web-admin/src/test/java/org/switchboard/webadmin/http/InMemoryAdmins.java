package org.switchboard.webadmin.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.switchboard.core.spi.store.AdminAccount;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;
import org.switchboard.webadmin.directory.AdminDirectory;

/** Administrator accounts, domains and users in maps, for tests. Thread-safe. */
final class InMemoryAdmins implements AdminStore, AdminDirectory {
    private final TreeMap<String, AdminAccount> accounts = new TreeMap<>();
    private final TreeMap<String, Domain> domains = new TreeMap<>();
    /** By name@domain, so that each domain's users come out sorted by name. */
    private final TreeMap<String, User> users = new TreeMap<>();

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

    @Override
    public synchronized List<User> users(String domain) {
        if (!domains.containsKey(domain)) {
            throw new DirectoryException(DirectoryException.Reason.UNKNOWN_DOMAIN, "No domain " + domain);
        }
        return users.values().stream().filter(u -> u.domain().equals(domain)).toList();
    }

    @Override
    public synchronized Optional<User> user(String domain, String name) {
        return Optional.ofNullable(users.get(name + "@" + domain));
    }

    @Override
    public synchronized NewCredentials addUser(String domain, String name, String displayName) {
        User user = new User(domain, name, displayName, true);
        if (!domains.containsKey(user.domain())) {
            throw new DirectoryException(DirectoryException.Reason.UNKNOWN_DOMAIN, "No domain " + domain);
        }
        if (users.putIfAbsent(key(user), user) != null) {
            throw new DirectoryException(DirectoryException.Reason.DUPLICATE_USER, "User " + name + " exists");
        }
        return new NewCredentials(user, "generated-" + name);
    }

    @Override
    public synchronized void update(User user) {
        if (users.replace(key(user), user) == null) {
            throw new DirectoryException(DirectoryException.Reason.UNKNOWN_USER, "No user " + user.name());
        }
    }

    @Override
    public synchronized void removeUser(String domain, String name) {
        if (users.remove(name + "@" + domain) == null) {
            throw new DirectoryException(DirectoryException.Reason.UNKNOWN_USER, "No user " + name);
        }
    }

    private static String key(User user) {
        return user.name() + "@" + user.domain();
    }
}
