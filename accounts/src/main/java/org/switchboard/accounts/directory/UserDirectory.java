package org.switchboard.accounts.directory;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.accounts.digest.CredentialSource;
import org.switchboard.accounts.digest.DigestSecrets;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryException.Reason;
import org.switchboard.core.spi.store.DirectoryRules;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.DomainStore;
import org.switchboard.core.spi.store.StoredUser;
import org.switchboard.core.spi.store.User;
import org.switchboard.core.spi.store.UserStore;

/**
 * Domains and their users: what the CLI, the web admin and provisioning call. It validates input,
 * encrypts passwords with the {@link PasswordVault}, keeps both digest HA1 values (realm = domain)
 * in step with the password, logs each change, and serves the digest authenticator as its {@link
 * CredentialSource}.
 *
 * <p>Errors the admin can fix are {@link DirectoryException}s naming the problem. <b>Every method
 * blocks</b> on the stores; call from the blocking executor. Thread-safe (no state of its own).
 */
public final class UserDirectory implements CredentialSource, UserAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

    private final DomainStore domains;
    private final UserStore users;
    private final PasswordVault vault;
    private final DirectoryListener listener;
    private final PasswordGenerator generator = new PasswordGenerator();

    /** A directory that tells nobody about its changes, for one-shot admin commands. */
    public UserDirectory(DomainStore domains, UserStore users, PasswordVault vault) {
        this(domains, users, vault, DirectoryListener.NONE);
    }

    /** A directory that reports every committed change to {@code listener}. */
    public UserDirectory(DomainStore domains, UserStore users, PasswordVault vault, DirectoryListener listener) {
        this.domains = domains;
        this.users = users;
        this.vault = vault;
        this.listener = listener;
    }

    public Domain addDomain(String name) {
        Domain domain = new Domain(name);
        domains.add(domain);
        listener.domainChanged(domain.name(), true);
        LOG.info("Domain {} added", domain.name());
        return domain;
    }

    /** Removes an empty domain; {@link Reason#DOMAIN_IN_USE} while it has users. */
    public void removeDomain(String name) {
        String domain = DirectoryRules.domain(name);
        if (!domains.remove(domain)) {
            throw unknownDomain(domain);
        }
        listener.domainChanged(domain, false);
        LOG.info("Domain {} removed", domain);
    }

    @Override
    public List<Domain> domains() {
        return domains.list();
    }

    /**
     * Adds an enabled user with the given password.
     *
     * @throws DirectoryException {@link Reason#BAD_ADDRESS}, {@link Reason#BAD_PASSWORD}, {@link
     *     Reason#UNKNOWN_DOMAIN} or {@link Reason#DUPLICATE_USER}
     */
    public User addUser(String domain, String name, String displayName, String password) {
        User user = new User(domain, name, displayName, true);
        StoredUser stored = seal(user, DirectoryRules.password(password));
        users.add(stored);
        listener.userChanged(user.domain(), user.name(), Optional.of(stored));
        LOG.info("User {} added", user.aor());
        return user;
    }

    /** Adds an enabled user with a generated password, which is returned once. */
    @Override
    public NewCredentials addUserWithGeneratedPassword(String domain, String name, String displayName) {
        String password = generator.generate();
        return new NewCredentials(addUser(domain, name, displayName, password), password);
    }

    @Override
    public void removeUser(String domain, String name) {
        User key = new User(domain, name, null, true);
        if (!users.remove(key.domain(), key.name())) {
            throw unknownUser(key);
        }
        listener.userChanged(key.domain(), key.name(), Optional.empty());
        LOG.info("User {} removed", key.aor());
    }

    /** The users of a domain sorted by name; {@link Reason#UNKNOWN_DOMAIN} if there is no such domain. */
    @Override
    public List<User> users(String domain) {
        String d = DirectoryRules.domain(domain);
        if (!domains.exists(d)) {
            throw unknownDomain(d);
        }
        return users.list(d);
    }

    @Override
    public Optional<User> user(String domain, String name) {
        return users.find(DirectoryRules.domain(domain), name).map(StoredUser::user);
    }

    /** Sets a new password (and both HA1 values). */
    public void setPassword(String domain, String name, String password) {
        User key = new User(domain, name, null, true);
        StoredUser sealed = seal(key, DirectoryRules.password(password));
        if (!users.updateSecrets(key.domain(), key.name(), sealed.encryptedPassword(), sealed.ha1Md5(),
                sealed.ha1Sha256())) {
            throw unknownUser(key);
        }
        reportUser(key);
        LOG.info("Password of user {} changed", key.aor());
    }

    /** Sets a generated password and returns it. */
    public String generatePassword(String domain, String name) {
        String password = generator.generate();
        setPassword(domain, name, password);
        return password;
    }

    /** Changes display name and enabled flag. */
    public void update(User user) {
        if (!users.update(user)) {
            throw unknownUser(user);
        }
        reportUser(user);
        LOG.info("User {} updated: display name {}, {}", user.aor(), user.displayName(),
                user.enabled() ? "enabled" : "disabled");
    }

    /** The clear-text SIP password, for phone provisioning. */
    @Override
    public String password(String domain, String name) {
        User key = new User(domain, name, null, true);
        StoredUser stored = users.find(key.domain(), key.name()).orElseThrow(() -> unknownUser(key));
        return vault.decrypt(stored.encryptedPassword(), vaultContext(key));
    }

    @Override
    public boolean servesRealm(String realm) {
        return domains.exists(realm);
    }

    @Override
    public Optional<DigestSecrets> secrets(String realm, String username) {
        return users.find(realm, username)
                .map(u -> new DigestSecrets(u.ha1Md5(), u.ha1Sha256(), u.user().enabled()));
    }

    /** Adds users in one transaction (all or none) and reports them; for the bulk importer. */
    int addAll(List<StoredUser> accepted) {
        int added = users.addAll(accepted);
        for (StoredUser u : accepted) {
            listener.userChanged(u.user().domain(), u.user().name(), Optional.of(u));
        }
        return added;
    }

    private void reportUser(User key) {
        listener.userChanged(key.domain(), key.name(), users.find(key.domain(), key.name()));
    }

    /** The stored form of a user with a validated password: encrypted, and its HA1 values. */
    StoredUser seal(User user, String password) {
        DigestSecrets digest = DigestSecrets.compute(user.name(), user.domain(), password, user.enabled());
        return new StoredUser(user, vault.encrypt(password, vaultContext(user)), digest.ha1Md5(), digest.ha1Sha256());
    }

    UserStore userStore() {
        return users;
    }

    DomainStore domainStore() {
        return domains;
    }

    private static String vaultContext(User user) {
        return user.name() + '@' + user.domain();
    }

    static DirectoryException unknownDomain(String domain) {
        return new DirectoryException(Reason.UNKNOWN_DOMAIN, "Domain " + domain + " does not exist");
    }

    private static DirectoryException unknownUser(User user) {
        return new DirectoryException(Reason.UNKNOWN_USER, "User " + user.name() + '@' + user.domain()
                + " does not exist");
    }
}
