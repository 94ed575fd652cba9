package org.switchboard.registrar.binding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.core.transport.Transport;

/**
 * The bindings of all addresses-of-record in memory, so {@link #lookup} answers the proxy without a
 * database read. It holds committed state only: the {@link BindingWriter} is its one writer and
 * publishes a change after the change is durable, so a lookup never sees a binding whose commit
 * failed. Expired bindings are never returned (the writer's periodic purge then drops them). Time
 * comes from the injected clock. {@link ContactReaches} indexes where on this host the bindings are
 * reached, changed with them on every publish.
 *
 * <p><b>Threading:</b> thread-safe; {@link #lookup}, {@link #isContactReachedAt}, {@link #bindings}
 * and {@link #all} never block and may run on an event loop; {@link #load} blocks on the store.
 */
public final class InMemoryLocationService implements LocationService {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryLocationService.class);

    private final Clock clock;
    /** Each value is an immutable list sorted by q, replaced as a whole on change. */
    private final ConcurrentHashMap<AddressOfRecord, List<Binding>> bindings = new ConcurrentHashMap<>();
    private final ContactReaches reaches;

    /**
     * @param thisHost whether an address is one of this host's: only places there are indexed for
     *     {@link #isContactReachedAt}, as the proxy asks about no others
     */
    public InMemoryLocationService(Clock clock, Predicate<InetAddress> thisHost) {
        this.clock = clock;
        this.reaches = new ContactReaches(thisHost);
    }

    /**
     * Loads the stored bindings at start: live ones into memory, expired ones deleted from the store.
     * Call before the writer starts. Blocks.
     *
     * @return how many live bindings were loaded
     */
    public int load(BindingStore store) {
        Instant now = clock.instant();
        Map<AddressOfRecord, List<Binding>> byAor = new HashMap<>();
        List<Binding> expired = new ArrayList<>();
        for (Binding b : store.loadAll()) {
            if (b.isLive(now)) {
                byAor.computeIfAbsent(b.aor(), k -> new ArrayList<>()).add(b);
            } else {
                expired.add(b);
            }
        }
        int loaded = 0;
        for (var e : byAor.entrySet()) {
            List<Binding> list = e.getValue();
            list.sort(BindingRules.HIGHEST_Q_FIRST);
            bindings.put(e.getKey(), List.copyOf(list));
            reaches.replace(e.getKey(), List.of(), list);
            loaded += list.size();
        }
        if (!expired.isEmpty()) {
            store.apply(List.of(new BindingChanges(List.of(), expired)));
        }
        LOG.info("Loaded {} registered contacts of {} addresses-of-record; dropped {} expired", loaded,
                byAor.size(), expired.size());
        return loaded;
    }

    @Override
    public List<RegisteredContact> lookup(AddressOfRecord aor) {
        List<Binding> live = bindings(aor);
        List<RegisteredContact> contacts = new ArrayList<>(live.size());
        for (Binding b : live) {
            contacts.add(b.toContact());
        }
        return List.copyOf(contacts);
    }

    /** Answers {@code false} for any address that is not this host's, which are not indexed. */
    @Override
    public boolean isContactReachedAt(Transport transport, InetSocketAddress address) {
        Instant now = clock.instant();
        for (AddressOfRecord aor : reaches.at(transport, address)) {
            for (Binding b : stored(aor)) {
                if (b.isLive(now) && ContactReaches.reaches(b, transport, address)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many places {@link #isContactReachedAt} knows, for tests. */
    int indexedPlaces() {
        return reaches.size();
    }

    /** The live bindings of {@code aor}, highest q first. */
    public List<Binding> bindings(AddressOfRecord aor) {
        return BindingRules.live(stored(aor), clock.instant());
    }

    /** Every live binding, for listing registrations. */
    public List<Binding> all() {
        Instant now = clock.instant();
        List<Binding> all = new ArrayList<>();
        for (List<Binding> list : bindings.values()) {
            all.addAll(BindingRules.live(list, now));
        }
        return all;
    }

    /** How many bindings are live now, counted without copying them; for metrics. */
    public int liveCount() {
        Instant now = clock.instant();
        int live = 0;
        for (List<Binding> list : bindings.values()) {
            for (Binding b : list) {
                if (b.isLive(now)) {
                    live++;
                }
            }
        }
        return live;
    }

    /** The bindings of {@code aor} as held, expired ones included; for the writer. */
    List<Binding> stored(AddressOfRecord aor) {
        return bindings.getOrDefault(aor, List.of());
    }

    /** The addresses-of-record that have bindings, live or expired; for the writer's purge. */
    Set<AddressOfRecord> addressesOfRecord() {
        return Set.copyOf(bindings.keySet());
    }

    /** Replaces the bindings of each address-of-record by committed ones; for the writer. */
    void publish(Map<AddressOfRecord, List<Binding>> committed) {
        for (var e : committed.entrySet()) {
            List<Binding> after = List.copyOf(e.getValue());
            List<Binding> before = after.isEmpty() ? bindings.remove(e.getKey()) : bindings.put(e.getKey(), after);
            reaches.replace(e.getKey(), before == null ? List.of() : before, after);
        }
    }
}
