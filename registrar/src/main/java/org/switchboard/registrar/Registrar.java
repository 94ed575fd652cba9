package org.switchboard.registrar;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.proxy.OwnHost;
import org.switchboard.core.proxy.RequestProcessor;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.registrar.binding.Binding;
import org.switchboard.registrar.binding.BindingStore;
import org.switchboard.registrar.binding.BindingWriter;
import org.switchboard.registrar.binding.InMemoryLocationService;
import org.switchboard.registrar.binding.JdbcBindingStore;
import org.switchboard.registrar.binding.JournaledBindingStore;
import org.switchboard.registrar.bruteforce.Ban;
import org.switchboard.registrar.bruteforce.BanEvents;
import org.switchboard.registrar.bruteforce.BanLiftRequests;
import org.switchboard.registrar.bruteforce.BanSaver;
import org.switchboard.registrar.bruteforce.BanStore;
import org.switchboard.registrar.bruteforce.BruteForceGuard;
import org.switchboard.registrar.bruteforce.JdbcBanStore;
import org.switchboard.registrar.db.BlockingExecutor;
import org.switchboard.registrar.db.Database;
import org.switchboard.registrar.devices.DeviceRegistry;
import org.switchboard.registrar.devices.JdbcDeviceStore;
import org.switchboard.registrar.digest.DigestAuthenticator;
import org.switchboard.registrar.digest.NonceCodec;
import org.switchboard.registrar.digest.NonceCountTracker;
import org.switchboard.registrar.directory.CsvUserImporter;
import org.switchboard.registrar.directory.DirectoryCatalog;
import org.switchboard.registrar.directory.DomainStore;
import org.switchboard.registrar.directory.JdbcDomainStore;
import org.switchboard.registrar.directory.JdbcUserStore;
import org.switchboard.registrar.directory.PasswordVault;
import org.switchboard.registrar.directory.UserDirectory;
import org.switchboard.registrar.directory.UserStore;
import org.switchboard.registrar.register.RegisterHandler;
import org.switchboard.registrar.register.RegistrarProcessor;

/**
 * The registrar, assembled: database, user directory, digest authentication with brute-force
 * protection, the location service with its binding writer and expiry purge, and the REGISTER
 * processor for the SIP stack.
 *
 * <p>Lifecycle: {@link #start} opens and migrates the database, opens the password vault, creates
 * the initial domain if there is none, restores saved bans, loads the live bindings (dropping
 * expired ones), and starts the writer, the purge and the watch for ban lifts asked from the command
 * line ({@link BanLiftRequests}). Each ban is saved as it is made or lifted ({@link BanSaver}), so
 * bans survive a killed process. Hand {@link #requestProcessors()} to the
 * {@code SipStack} and {@link #locationService()} to the proxy. {@link #close} (after the SIP stack
 * has stopped) finishes queued REGISTERs, writes pending bindings, saves the bans and closes the
 * database.
 *
 * <p><b>Threading:</b> {@link #start} and {@link #close} block; call them from the server's main
 * thread. The accessors are thread-safe. The directory methods block: call them off event loops,
 * e.g. on {@link #blockingExecutor()}.
 */
public final class Registrar implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    /** Nonce slots for replay checks: 6 MB; at 12,000 challenges a second a nonce is kept about 20 s. */
    private static final int NONCE_COUNTS_TRACKED = 1 << 18;
    /** How long binding changes may live only in the journal; a restart replays at most this much. */
    private static final Duration JOURNAL_FLUSH_INTERVAL = Duration.ofSeconds(30);
    private static final long JOURNAL_SEGMENT_BYTES = 64L << 20;
    /** How soon a ban lift asked from the command line takes effect. */
    private static final Duration BAN_LIFT_POLL = Duration.ofSeconds(1);

    private final Database database;
    private final BlockingExecutor executor;
    private final UserDirectory directory;
    private final DirectoryCatalog catalog;
    private final DeviceRegistry devices;
    private final BruteForceGuard guard;
    private final BanStore banStore;
    private final BanSaver banSaver;
    private final BanLiftRequests banLifts;
    private final InMemoryLocationService location;
    private final BindingWriter writer;
    private final JournaledBindingStore journal;
    private final ScheduledExecutorService purge;
    private final RegistrarProcessor processor;
    private final Authenticator authenticator;
    private final EventBus events;
    private final Clock clock;

    private Registrar(Database database, RegistrarConfig config, RegistrarStorage storage, Clock clock,
            UnaryOperator<BindingStore> storeWrapper, EventBus events) {
        this.database = database;
        this.events = events;
        this.clock = clock;
        this.executor = new BlockingExecutor("registrar-db", config.databaseThreads(), config.blockingQueueCapacity());
        PasswordVault vault = storage.openVault();
        DomainStore domainStore = new JdbcDomainStore(database);
        UserStore userStore = new JdbcUserStore(database);
        this.catalog = new DirectoryCatalog();
        this.directory = new UserDirectory(domainStore, userStore, vault, catalog);
        this.devices = new DeviceRegistry(new JdbcDeviceStore(database), directory, vault, clock);
        if (config.initialDomain() != null && directory.domains().isEmpty()) {
            directory.addDomain(config.initialDomain());
        }
        catalog.load(domainStore, userStore);
        this.banStore = new JdbcBanStore(database);
        this.banSaver = new BanSaver(banStore);
        this.guard = new BruteForceGuard(config.effectiveBruteForcePolicy(), clock,
                new BanEvents(banSaver, events, clock));
        this.banLifts = storage.banLiftDir() == null ? null : new BanLiftRequests(storage.banLiftDir());
        int restored = 0;
        for (Ban ban : banStore.load()) {
            restored += guard.restore(ban) ? 1 : 0;
        }
        if (restored > 0) {
            LOG.info("Restored {} saved bans", restored);
        }
        this.authenticator = new DigestAuthenticator(catalog, NonceCodec.withRandomKey(config.nonceValidity(), clock),
                new NonceCountTracker(NONCE_COUNTS_TRACKED), guard, config.digestAlgorithms());
        OwnHost ownHost = ownHost();
        this.location = new InMemoryLocationService(clock, ownHost::contains);
        BindingStore jdbc = new JdbcBindingStore(database);
        this.journal = storage.journalDir() == null ? null
                : JournaledBindingStore.open(jdbc, storage.journalDir(), JOURNAL_FLUSH_INTERVAL, JOURNAL_SEGMENT_BYTES);
        BindingStore bindings = storeWrapper.apply(journal == null ? jdbc : journal);
        location.load(bindings);
        this.writer = new BindingWriter(location, bindings, clock, config.maxBindingsPerAor(),
                config.writerQueueCapacity());
        RegisterHandler handler = new RegisterHandler(catalog, ownHost, authenticator, config.expiry(), writer,
                location, clock, events);
        this.processor = new RegistrarProcessor(handler);
        this.purge = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "registrar-purge");
            t.setDaemon(true);
            return t;
        });
        writer.start();
        long every = config.purgeInterval().toMillis();
        purge.scheduleWithFixedDelay(this::purgeExpired, every, every, TimeUnit.MILLISECONDS);
        if (banLifts != null) {
            long poll = BAN_LIFT_POLL.toMillis();
            purge.scheduleWithFixedDelay(() -> banLifts.takeAll(guard::lift), 0, poll, TimeUnit.MILLISECONDS);
        }
    }

    private static OwnHost ownHost() {
        try {
            return OwnHost.discover();
        } catch (SocketException e) {
            throw new UncheckedIOException("Cannot list the network interfaces", e);
        }
    }

    /** Starts the registrar on {@code storage} with the system clock. Blocks. */
    public static Registrar start(RegistrarStorage storage, RegistrarConfig config) {
        return start(storage, config, Clock.systemUTC(), UnaryOperator.identity());
    }

    /**
     * Starts the registrar with a given clock, and with the binding store passed through {@code
     * storeWrapper} (to measure or instrument commits). Blocks.
     *
     * @throws org.switchboard.registrar.db.StoreException if the database cannot be opened or read
     */
    public static Registrar start(RegistrarStorage storage, RegistrarConfig config, Clock clock,
            UnaryOperator<BindingStore> storeWrapper) {
        return start(storage, config, clock, storeWrapper, new QueuedEventBus());
    }

    /**
     * As {@link #start(RegistrarStorage, RegistrarConfig, Clock, UnaryOperator)}, publishing
     * registrations and bans on {@code events}. Blocks.
     */
    public static Registrar start(RegistrarStorage storage, RegistrarConfig config, Clock clock,
            UnaryOperator<BindingStore> storeWrapper, EventBus events) {
        Database database = storage.openDatabase(config.databaseThreads() + 1);
        try {
            Registrar registrar = new Registrar(database, config, storage, clock, storeWrapper, events);
            LOG.info("Registrar started: registrations last {} s by default ({} s to {} s)",
                    config.expiry().defaultSeconds(), config.expiry().minSeconds(), config.expiry().maxSeconds());
            return registrar;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void purgeExpired() {
        writer.purgeExpired().whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.warn("Could not delete expired registrations, will retry: {}", error.getMessage());
            } else if (!outcome.changes().removals().isEmpty()) {
                LOG.info("{} registrations expired", outcome.changes().removals().size());
                if (events.hasListeners(SwitchboardEvent.Unregistered.class)) {
                    Instant now = clock.instant();
                    for (Binding b : outcome.changes().removals()) {
                        events.publish(new SwitchboardEvent.Unregistered(now, b.aor().toString(), b.contactUri(), true));
                    }
                }
            }
        });
    }

    /** Where registrations (registered, unregistered) and bans (added, lifted) are published. */
    public EventBus events() {
        return events;
    }

    /** The processors to pass to the {@code SipStack} as local processors: the REGISTER handler. */
    public List<RequestProcessor> requestProcessors() {
        return List.of(processor);
    }

    /** Who is registered where; for the proxy's target lookup. Never blocks. */
    public LocationService locationService() {
        return location;
    }

    /** The registrations with their details (flow, expiry, user agent), for admin pages. */
    public InMemoryLocationService registrations() {
        return location;
    }

    /** Domains and users; its methods block. */
    public UserDirectory userDirectory() {
        return directory;
    }

    /** Domains and users in memory, kept current by the {@link #userDirectory()}; never blocks. */
    public DirectoryCatalog catalog() {
        return catalog;
    }

    /** The phone inventory; its methods block. */
    public DeviceRegistry devices() {
        return devices;
    }

    /** A bulk importer into the {@link #userDirectory()}; blocks. */
    public CsvUserImporter csvImporter() {
        return new CsvUserImporter(directory);
    }

    /** The brute-force guard: list and lift bans, and ask whether a source is banned. Never blocks. */
    public BruteForceGuard bruteForceGuard() {
        return guard;
    }

    /** The digest authenticator, for the proxy's authentication of other requests (never blocks). */
    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * The registrar's database, for other stores kept in it (call records). Its methods block; it
     * is closed by {@link #close}, so close what uses it first.
     */
    public Database database() {
        return database;
    }

    /** The bounded executor for blocking registrar work (directory, authentication). */
    public BlockingExecutor blockingExecutor() {
        return executor;
    }

    /** How many binding commits were made since start, for metrics. */
    public long bindingCommits() {
        return writer.commitCount();
    }

    /** Finishes queued work, writes pending bindings, saves bans, closes the database. Blocks. */
    @Override
    public void close() {
        purge.shutdownNow();
        executor.close();
        writer.close();
        if (journal != null) {
            journal.close();
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
        database.close();
        LOG.info("Registrar stopped");
    }
}
