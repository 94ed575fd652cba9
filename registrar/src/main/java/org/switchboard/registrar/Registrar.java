package org.switchboard.registrar;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.proxy.OwnHost;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.service.BindingsService;
import org.switchboard.core.spi.service.ContactRemoval;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.registrar.binding.BindingWriter;
import org.switchboard.registrar.binding.InMemoryLocationService;
import org.switchboard.registrar.binding.JournaledBindingStore;
import org.switchboard.registrar.binding.MemoryOnlyBindingStore;
import org.switchboard.registrar.binding.RegistrarBindings;
import org.switchboard.registrar.register.ExpiryRules;
import org.switchboard.registrar.register.RegisterHandler;
import org.switchboard.registrar.register.RegistrarProcessor;

/**
 * The registrar: REGISTER handling and the location service over a {@link BindingStore}, kept as
 * the configured {@link Persistence} says. The server wires in what it needs from other features:
 * the binding store, the domains served ({@link DomainCatalog}), the {@link Authenticator} and the
 * event bus on which registrations are published once durable.
 *
 * <p>Lifecycle: {@link #start} loads the live bindings (dropping expired ones; none in {@link
 * Persistence#MEMORY}), opens the journal in {@link Persistence#JOURNAL}, and starts the binding
 * writer and the expiry purge. Hand {@link #requestProcessors()} to the {@code SipStack} and {@link
 * #locationService()} to the proxy. {@link #close} (after the SIP stack has stopped) finishes queued
 * REGISTERs and writes pending bindings; the binding store's owner closes it afterwards.
 *
 * <p><b>Threading:</b> {@link #start} and {@link #close} block; call them from the server's main
 * thread. The accessors are thread-safe and never block.
 */
public final class Registrar implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    /** How long binding changes may live only in the journal; a restart replays at most this much. */
    private static final Duration JOURNAL_FLUSH_INTERVAL = Duration.ofSeconds(30);
    private static final long JOURNAL_SEGMENT_BYTES = 64L << 20;

    private final InMemoryLocationService location;
    private final BindingWriter writer;
    private final JournaledBindingStore journal;
    private final ScheduledExecutorService purge;
    private final RegistrarProcessor processor;
    private final EventBus events;
    private final Clock clock;
    /** How long registrations last; replaced whole when the live settings change. */
    private volatile ExpiryRules expiry;
    private final RegistrarBindings bindingsService;

    private Registrar(RegistrarConfig config, BindingStore store, DomainCatalog domains, Authenticator authenticator,
            Clock clock, UnaryOperator<BindingStore> storeWrapper, EventBus events) {
        this.events = events;
        this.clock = clock;
        OwnHost ownHost = ownHost();
        this.location = new InMemoryLocationService(clock, ownHost::contains);
        this.journal = config.persistence() == Persistence.JOURNAL
                ? JournaledBindingStore.open(store, config.journalDir(), JOURNAL_FLUSH_INTERVAL, JOURNAL_SEGMENT_BYTES)
                : null;
        BindingStore kept = switch (config.persistence()) {
            case MEMORY -> new MemoryOnlyBindingStore();
            case WRITE_THROUGH -> store;
            case JOURNAL -> journal;
        };
        BindingStore bindings = storeWrapper.apply(kept);
        location.load(bindings);
        this.writer = new BindingWriter(location, bindings, clock, config.maxBindingsPerAor(),
                config.writerQueueCapacity());
        this.expiry = config.expiry();
        RegisterHandler handler = new RegisterHandler(domains, ownHost, authenticator, () -> this.expiry, config.reach(),
                writer,
                location, clock, events);
        this.processor = new RegistrarProcessor(handler);
        this.purge = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "registrar-purge");
            t.setDaemon(true);
            return t;
        });
        this.bindingsService = new RegistrarBindings(location, writer, events, clock);
        writer.start();
        long every = config.purgeInterval().toMillis();
        purge.scheduleWithFixedDelay(this::purgeExpired, every, every, TimeUnit.MILLISECONDS);
    }

    private static OwnHost ownHost() {
        try {
            return OwnHost.discover();
        } catch (SocketException e) {
            throw new UncheckedIOException("Cannot list the network interfaces", e);
        }
    }

    /**
     * Starts the registrar. Blocks.
     *
     * @param store where bindings are kept (unused in {@link Persistence#MEMORY})
     * @param domains the domains served; must answer from memory (it is asked on event loops)
     * @param authenticator challenges and checks REGISTERs; must not block
     * @throws org.switchboard.core.spi.store.StoreException if the bindings cannot be read
     */
    public static Registrar start(RegistrarConfig config, BindingStore store, DomainCatalog domains,
            Authenticator authenticator, Clock clock) {
        return start(config, store, domains, authenticator, clock, UnaryOperator.identity(), new QueuedEventBus());
    }

    /**
     * As {@link #start(RegistrarConfig, BindingStore, DomainCatalog, Authenticator, Clock)}, with
     * the store the writer uses (after the journal, if any) passed through {@code storeWrapper}, to
     * measure or instrument commits, and registrations (registered, unregistered) published on
     * {@code events} once durable. Blocks.
     */
    public static Registrar start(RegistrarConfig config, BindingStore store, DomainCatalog domains,
            Authenticator authenticator, Clock clock, UnaryOperator<BindingStore> storeWrapper, EventBus events) {
        Registrar registrar = new Registrar(config, store, domains, authenticator, clock, storeWrapper, events);
        LOG.info("Registrar started: registrations last {} s by default ({} s to {} s), bindings kept {}",
                config.expiry().defaultSeconds(), config.expiry().minSeconds(), config.expiry().maxSeconds(),
                config.persistence());
        return registrar;
    }

    /**
     * Registrations from now on last as {@code rules} say: the live settings section {@link
     * ExpiryRules#SECTION} changed. Thread-safe; the next REGISTER reads them.
     */
    public void useExpiry(ExpiryRules rules) {
        ExpiryRules before = expiry;
        expiry = Objects.requireNonNull(rules, "rules");
        if (!rules.equals(before)) {
            LOG.info("Registrations now last {} s by default ({} s to {} s)", rules.defaultSeconds(),
                    rules.minSeconds(), rules.maxSeconds());
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

    /**
     * Where registrations (registered, unregistered) are published; in the server, the one bus it
     * shares with the proxy, the accounts (bans) and plugins.
     */
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

    /** The bindings as plugins list and remove them; the listings never block. */
    public BindingsService bindings() {
        return bindingsService;
    }

    /**
     * Removes contacts on request of another feature (a NAT gateway's dead flow): written like a
     * REGISTER's change, and published as {@code Unregistered} once durable. Never blocks.
     */
    public ContactRemoval contactRemoval() {
        return (aor, contactUri) -> writer.removeContact(aor, contactUri).thenApply(outcome -> {
            List<Binding> removed = outcome.changes().removals();
            Instant now = clock.instant();
            for (Binding b : removed) {
                LOG.info("Removed {} at {} ({})", aor, b.contactUri(), b.flow());
                events.publish(new SwitchboardEvent.Unregistered(now, aor.toString(), b.contactUri(), false));
            }
            return !removed.isEmpty();
        });
    }

    /** How many binding commits were made since start, for metrics. */
    public long bindingCommits() {
        return writer.commitCount();
    }

    /** Finishes queued REGISTERs and writes pending bindings. Blocks. */
    @Override
    public void close() {
        purge.shutdownNow();
        writer.close();
        if (journal != null) {
            journal.close();
        }
        LOG.info("Registrar stopped");
    }
}
