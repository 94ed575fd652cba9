package org.switchboard.registrar.binding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.registrar.binding.RegistrationOutcome.Status;

/**
 * The bindings of all addresses-of-record in memory: {@link #lookup} answers the proxy without a
 * database read, {@link #register} applies the binding rules of RFC 3261 §10.3 steps 6 and 7 and RFC
 * 5626 §6 atomically per address-of-record and returns what the caller must persist through the
 * {@link BindingStore} before it answers 200.
 *
 * <p>Expired bindings are never returned; {@link #purgeExpired} removes them from memory (call it
 * periodically and delete what it returns from the store). Memory is bounded by {@code
 * maxBindingsPerAor} per address-of-record, and only authenticated users register their own
 * address-of-record. Time comes from the injected clock.
 *
 * <p><b>Threading:</b> thread-safe; {@link #lookup}, {@link #bindings}, {@link #register}, {@link
 * #removeAll} and {@link #purgeExpired} never block and may run on an event loop; {@link #load}
 * blocks on the store.
 */
public final class InMemoryLocationService implements LocationService {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryLocationService.class);
    private static final Comparator<Binding> HIGHEST_Q_FIRST = Comparator.comparingDouble(Binding::q).reversed();

    private final Clock clock;
    private final int maxBindingsPerAor;
    /** Each value is an immutable list sorted by q, replaced as a whole on change. */
    private final ConcurrentHashMap<AddressOfRecord, List<Binding>> bindings = new ConcurrentHashMap<>();

    public InMemoryLocationService(Clock clock, int maxBindingsPerAor) {
        this.clock = clock;
        this.maxBindingsPerAor = maxBindingsPerAor;
    }

    /**
     * Loads the stored bindings at start: live ones into memory, expired ones deleted from the store.
     * Blocks.
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
            list.sort(HIGHEST_Q_FIRST);
            bindings.put(e.getKey(), List.copyOf(list));
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

    /** The live bindings of {@code aor}, highest q first; for the Contact list of a 200 response. */
    public List<Binding> bindings(AddressOfRecord aor) {
        return live(bindings.getOrDefault(aor, List.of()), clock.instant());
    }

    /** Every live binding, for listing registrations. */
    public List<Binding> all() {
        Instant now = clock.instant();
        List<Binding> all = new ArrayList<>();
        for (List<Binding> list : bindings.values()) {
            all.addAll(live(list, now));
        }
        return all;
    }

    private static List<Binding> live(List<Binding> list, Instant now) {
        List<Binding> live = new ArrayList<>(list.size());
        for (Binding b : list) {
            if (b.isLive(now)) {
                live.add(b);
            }
        }
        return List.copyOf(live);
    }

    /**
     * Applies the contacts of one REGISTER to {@code aor}, all or none (RFC 3261 §10.3 step 7). A
     * contact whose {@link Binding#expiresAt()} is not in the future removes its binding; one with
     * the key of an existing binding ({@link Binding#key()}: RFC 5626 instance and reg-id, else the
     * contact URI) updates it if its Call-ID differs or its CSeq is higher; others are added.
     */
    public RegistrationOutcome register(AddressOfRecord aor, List<Binding> contacts) {
        RegistrationOutcome[] outcome = new RegistrationOutcome[1];
        bindings.compute(aor, (key, existing) -> {
            Instant now = clock.instant();
            List<Binding> before = live(existing == null ? List.of() : existing, now);
            List<Binding> after = new ArrayList<>(before);
            List<Binding> upserts = new ArrayList<>();
            // bindings that expired unnoticed leave the store with this update
            List<Binding> removals = new ArrayList<>(existing == null ? List.of() : existing);
            removals.removeAll(before);
            for (Binding contact : contacts) {
                int index = indexOfKey(after, contact.key());
                Binding old = index < 0 ? null : after.get(index);
                if (old != null && old.callId().equals(contact.callId()) && contact.cseq() <= old.cseq()) {
                    outcome[0] = new RegistrationOutcome(Status.OUT_OF_ORDER, before, BindingChanges.NONE);
                    return existing;
                }
                if (!contact.isLive(now)) {
                    if (old != null) {
                        after.remove(index);
                        removals.add(old);
                    }
                } else if (old != null) {
                    after.set(index, contact);
                    upserts.add(contact);
                } else {
                    after.add(contact);
                    upserts.add(contact);
                }
            }
            if (after.size() > maxBindingsPerAor) {
                outcome[0] = new RegistrationOutcome(Status.TOO_MANY_BINDINGS, before, BindingChanges.NONE);
                return existing;
            }
            after.sort(HIGHEST_Q_FIRST);
            outcome[0] = new RegistrationOutcome(Status.APPLIED, after, new BindingChanges(upserts, removals));
            return emptyToNull(after);
        });
        return outcome[0];
    }

    /**
     * Removes all bindings of {@code aor} for a {@code Contact: *} with {@code Expires: 0} (RFC 3261
     * §10.3 step 6): refused as {@link Status#OUT_OF_ORDER} if a binding has this Call-ID and a CSeq
     * not lower than {@code cseq}.
     */
    public RegistrationOutcome removeAll(AddressOfRecord aor, String callId, long cseq) {
        RegistrationOutcome[] outcome = new RegistrationOutcome[1];
        bindings.compute(aor, (key, existing) -> {
            List<Binding> before = live(existing == null ? List.of() : existing, clock.instant());
            for (Binding b : before) {
                if (b.callId().equals(callId) && cseq <= b.cseq()) {
                    outcome[0] = new RegistrationOutcome(Status.OUT_OF_ORDER, before, BindingChanges.NONE);
                    return existing;
                }
            }
            outcome[0] = new RegistrationOutcome(Status.APPLIED, List.of(),
                    new BindingChanges(List.of(), existing == null ? List.of() : existing));
            return null;
        });
        return outcome[0];
    }

    /** Removes expired bindings from memory and returns them, to be deleted from the store. */
    public BindingChanges purgeExpired() {
        Instant now = clock.instant();
        List<Binding> expired = new ArrayList<>();
        for (AddressOfRecord aor : bindings.keySet()) {
            bindings.computeIfPresent(aor, (key, list) -> {
                List<Binding> live = new ArrayList<>(list.size());
                for (Binding b : list) {
                    (b.isLive(now) ? live : expired).add(b);
                }
                return live.size() == list.size() ? list : emptyToNull(live);
            });
        }
        if (!expired.isEmpty()) {
            LOG.debug("{} registrations expired", expired.size());
        }
        return expired.isEmpty() ? BindingChanges.NONE : new BindingChanges(List.of(), expired);
    }

    private static int indexOfKey(List<Binding> list, String key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Binding> emptyToNull(List<Binding> list) {
        return list.isEmpty() ? null : List.copyOf(list);
    }
}
