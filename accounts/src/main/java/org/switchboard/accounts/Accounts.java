package org.switchboard.accounts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.accounts.bruteforce.BanEvents;
import org.switchboard.accounts.bruteforce.BanLiftRequests;
import org.switchboard.accounts.bruteforce.BanSaver;
import org.switchboard.accounts.bruteforce.BruteForceGuard;
import org.switchboard.accounts.digest.DigestAuthenticator;
import org.switchboard.accounts.digest.NonceCodec;
import org.switchboard.accounts.digest.NonceCountTracker;
import org.switchboard.accounts.directory.CsvUserImporter;
import org.switchboard.accounts.directory.DirectoryCatalog;
import org.switchboard.accounts.directory.PasswordGenerator;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.core.spi.store.BanStore;
import org.switchboard.core.spi.store.DomainStore;
import org.switchboard.core.spi.store.UserStore;

/**
 * The accounts, assembled over the stores the server hands in: the user directory and its
 * in-memory catalog, digest authentication, and the brute-force guard with its saved bans.
 *
 * <p>Lifecycle: {@link #start} creates the initial domain if there is none, loads the catalog,
 * restores saved bans and starts the watch for ban lifts asked from the command line ({@link
 * BanLiftRequests}). Each ban is saved as it is made or lifted ({@link BanSaver}), so bans survive a
 * killed process, and then published on the event bus ({@link BanEvents}); restored bans are not
 * published again. {@link #close} finishes the saves and saves all bans for the next start; the
 * stores' owner closes them afterwards.
 *
 * <p><b>Threading:</b> {@link #start} and {@link #close} block; call them from the server's main
 * thread. The accessors are thread-safe; the directory's methods block (database).
 */
public final class Accounts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    /** Nonce slots for replay checks: 6 MB; at 12,000 challenges a second a nonce is kept about 20 s. */
    private static final int NONCE_COUNTS_TRACKED = 1 << 18;
    /** How soon a ban lift asked from the command line takes effect. */
    private static final Duration BAN_LIFT_POLL = Duration.ofSeconds(1);

    private final PasswordVault vault;
    private final UserDirectory directory;
    private final DirectoryCatalog catalog;
    private final BruteForceGuard guard;
    private final BanStore banStore;
    private final BanSaver banSaver;
    private final ScheduledExecutorService banLiftWatch;
    private final Authenticator authenticator;
    private final PasswordGenerator passwords = new PasswordGenerator();

    private Accounts(DomainStore domainStore, UserStore userStore, BanStore banStore, PasswordVault vault,
            AccountsConfig config, Path banLiftDir, Clock clock, EventBus events) {
        this.vault = vault;
        this.catalog = new DirectoryCatalog();
        this.directory = new UserDirectory(domainStore, userStore, vault, catalog);
        if (config.initialDomain() != null && directory.domains().isEmpty()) {
            directory.addDomain(config.initialDomain());
        }
        catalog.load(domainStore, userStore);
        this.banStore = banStore;
        this.banSaver = new BanSaver(banStore);
        this.guard = new BruteForceGuard(config.effectiveBruteForcePolicy(), clock,
                new BanEvents(banSaver, events, clock));
        int restored = 0;
        for (Ban ban : banStore.load()) {
            restored += guard.restore(ban) ? 1 : 0;
        }
        if (restored > 0) {
            LOG.info("Restored {} saved bans", restored);
        }
        this.authenticator = new DigestAuthenticator(catalog, NonceCodec.withRandomKey(config.nonceValidity(), clock),
                new NonceCountTracker(NONCE_COUNTS_TRACKED), guard, config.digestAlgorithms());
        if (banLiftDir == null) {
            this.banLiftWatch = null;
        } else {
            BanLiftRequests banLifts = new BanLiftRequests(banLiftDir);
            this.banLiftWatch = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "accounts-ban-lifts");
                t.setDaemon(true);
                return t;
            });
            long poll = BAN_LIFT_POLL.toMillis();
            banLiftWatch.scheduleWithFixedDelay(() -> banLifts.takeAll(guard::lift), 0, poll, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts the accounts over their stores. Blocks.
     *
     * @param vault encrypts SIP passwords for the user store
     * @param banLiftDir where admin commands leave ban lifts for the running server, or {@code null}
     * @param events where bans made and lifted are published ({@link
     *     org.switchboard.core.spi.event.SwitchboardEvent.BanAdded}, {@link
     *     org.switchboard.core.spi.event.SwitchboardEvent.BanLifted}), once handed to the ban saver
     * @throws org.switchboard.core.spi.store.StoreException if the stores cannot be read
     */
    public static Accounts start(DomainStore domains, UserStore users, BanStore bans, PasswordVault vault,
            AccountsConfig config, Path banLiftDir, Clock clock, EventBus events) {
        return new Accounts(domains, users, bans, vault, config, banLiftDir, clock, events);
    }

    /** Domains and users; its methods block. */
    public UserDirectory userDirectory() {
        return directory;
    }

    /** Domains and users in memory, kept current by the {@link #userDirectory()}; never blocks. */
    public DirectoryCatalog catalog() {
        return catalog;
    }

    /** A bulk importer into the {@link #userDirectory()}; blocks. */
    public CsvUserImporter csvImporter() {
        return new CsvUserImporter(directory);
    }

    /** The brute-force guard: list and lift bans, and ask whether a source is banned. Never blocks. */
    public BruteForceGuard bruteForceGuard() {
        return guard;
    }

    /** The digest authenticator, for REGISTER and the proxy's other requests; never blocks. */
    public Authenticator authenticator() {
        return authenticator;
    }

    /** The vault that encrypts SIP passwords, for other secrets kept in the store (phones' passwords). */
    public PasswordVault vault() {
        return vault;
    }

    /** New random passwords, as generated for users. */
    public Supplier<String> passwords() {
        return passwords::generate;
    }

    /** Finishes queued ban saves and saves all bans for the next start. Blocks. */
    @Override
    public void close() {
        if (banLiftWatch != null) {
            banLiftWatch.shutdownNow();
        }
        banSaver.close();
        try {
            List<Ban> bans = guard.bans();
            banStore.replaceAll(bans);
            if (!bans.isEmpty()) {
                LOG.info("Saved {} bans for the next start", bans.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not save the bans; they are lost at this restart: {}", e.getMessage());
        }
    }
}
