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
import org.switchboard.webadmin.directory.ImportResult;

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

    @Override
    public String password(String domain, String name) {
        return "secret-" + name;
    }

    /**
     * Imports {@code user,password[,display name]} lines after an optional header: a line whose user
     * is not digits, has no password or exists already is invalid; all or nothing, as the accounts'
     * importer (tested in its module). Quotes are not supported here.
     */
    @Override
    public synchronized ImportResult importUsers(String domain, byte[] csv, boolean dryRun) {
        if (!domains.containsKey(domain)) {
            throw new DirectoryException(DirectoryException.Reason.UNKNOWN_DOMAIN, "No domain " + domain);
        }
        List<User> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = new String(csv, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (lines[i].isBlank() || (i == 0 && f[0].equals("user"))) {
                continue;
            }
            if (!f[0].matches("\\d+")) {
                problems.add("line " + (i + 1) + ": bad user name " + f[0]);
            } else if (f.length < 2 || f[1].isEmpty()) {
                problems.add("line " + (i + 1) + ": missing password");
            } else if (users.containsKey(f[0] + "@" + domain)) {
                problems.add("line " + (i + 1) + ": user " + f[0] + "@" + domain + " already exists");
            } else {
                valid.add(new User(domain, f[0], f.length > 2 ? f[2] : null, true));
            }
        }
        if (!dryRun && problems.isEmpty()) {
            valid.forEach(u -> users.put(key(u), u));
        }
        return new ImportResult(domain, dryRun, !dryRun && problems.isEmpty() ? valid.size() : 0, valid, problems);
    }

    private static String key(User user) {
        return user.name() + "@" + user.domain();
    }
}
