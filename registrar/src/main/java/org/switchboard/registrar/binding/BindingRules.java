package org.switchboard.registrar.binding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.registrar.binding.RegistrationOutcome.Status;

/**
 * The binding rules of RFC 3261 §10.3 steps 6 and 7 and RFC 5626 §4.1 and §6 as pure functions from the
 * bindings of one address-of-record (as stored, expired ones included) to the outcome of a change.
 * Stateless and thread-safe.
 */
final class BindingRules {
    static final Comparator<Binding> HIGHEST_Q_FIRST = Comparator.comparingDouble(Binding::q).reversed();

    private BindingRules() {
    }

    /**
     * Applies the contacts of one REGISTER, all or none (§10.3 step 7). A contact replaces every
     * binding it {@linkplain Binding#replaces replaces} (the same key, or the same URI outside RFC
     * 5626 flows); one whose {@link Binding#expiresAt()} is not in the future only removes them. A
     * contact with the Call-ID of a binding it replaces must have a higher CSeq, else the whole
     * REGISTER is {@link Status#OUT_OF_ORDER}. Bindings found expired leave the store with the
     * change.
     *
     * <p>Past {@code max} live bindings, the bindings this REGISTER does not touch that expire
     * soonest make room, so that a phone that reboots onto a new contact URI without an instance ID
     * (RFC 3261 §10.3 makes that a new binding) is never locked out by its own stale contacts; the
     * limit bounds memory, and the newest registration is the one most likely to be alive. Only a
     * REGISTER with more than {@code max} contacts of its own is {@link Status#TOO_MANY_BINDINGS}.
     */
    static RegistrationOutcome register(List<Binding> existing, List<Binding> contacts, Instant now, int max) {
        List<Binding> before = live(existing, now);
        List<Binding> after = new ArrayList<>(before);
        Set<Binding> added = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Binding contact : contacts) {
            for (Binding old : after) {
                if (!added.contains(old) && contact.replaces(old) && old.callId().equals(contact.callId())
                        && contact.cseq() <= old.cseq()) {
                    return new RegistrationOutcome(Status.OUT_OF_ORDER, before, BindingChanges.NONE);
                }
            }
            after.removeIf(contact::replaces);
            if (contact.isLive(now)) {
                after.add(contact);
                added.add(contact);
            }
        }
        if (after.size() > max && !makeRoom(after, added, max)) {
            return new RegistrationOutcome(Status.TOO_MANY_BINDINGS, before, BindingChanges.NONE);
        }
        after.sort(HIGHEST_Q_FIRST);
        return new RegistrationOutcome(Status.APPLIED, after, changes(existing, after, added));
    }

    /** Drops the untouched bindings that expire soonest until {@code max} remain; false if that cannot be. */
    private static boolean makeRoom(List<Binding> after, Set<Binding> added, int max) {
        if (added.size() > max) {
            return false;
        }
        List<Binding> untouched = new ArrayList<>();
        for (Binding b : after) {
            if (!added.contains(b)) {
                untouched.add(b);
            }
        }
        untouched.sort(Comparator.comparing(Binding::expiresAt));
        Set<Binding> evicted = Collections.newSetFromMap(new IdentityHashMap<>());
        evicted.addAll(untouched.subList(0, after.size() - max));
        after.removeIf(evicted::contains);
        return true;
    }

    /**
     * The store works by key: the contacts this REGISTER added are written, and every stored
     * binding (live or expired) whose key no binding has afterwards is deleted. A replaced binding
     * with the new contact's key is overwritten by the write, so it needs no delete.
     */
    private static BindingChanges changes(List<Binding> existing, List<Binding> after, Set<Binding> added) {
        Set<String> keys = new HashSet<>();
        List<Binding> upserts = new ArrayList<>();
        for (Binding b : after) {
            keys.add(b.key());
            if (added.contains(b)) {
                upserts.add(b);
            }
        }
        List<Binding> removals = new ArrayList<>();
        for (Binding b : existing) {
            if (!keys.contains(b.key())) {
                removals.add(b);
            }
        }
        return new BindingChanges(upserts, removals);
    }

    /**
     * Removes every binding for {@code Contact: *} with {@code Expires: 0} (§10.3 step 6), refused as
     * {@link Status#OUT_OF_ORDER} if a live binding has this Call-ID and a CSeq not lower than
     * {@code cseq}.
     */
    static RegistrationOutcome removeAll(List<Binding> existing, String callId, long cseq, Instant now) {
        List<Binding> before = live(existing, now);
        for (Binding b : before) {
            if (b.callId().equals(callId) && cseq <= b.cseq()) {
                return new RegistrationOutcome(Status.OUT_OF_ORDER, before, BindingChanges.NONE);
            }
        }
        return new RegistrationOutcome(Status.APPLIED, List.of(), new BindingChanges(List.of(), existing));
    }

    /**
     * Removes the live binding whose {@link Binding#key()} is {@code key}, as an admin asks; nothing
     * changes when there is none.
     */
    static RegistrationOutcome removeKey(List<Binding> existing, String key, Instant now) {
        List<Binding> after = new ArrayList<>(existing.size());
        List<Binding> removed = new ArrayList<>(1);
        for (Binding b : existing) {
            (b.isLive(now) && b.key().equals(key) ? removed : after).add(b);
        }
        return new RegistrationOutcome(Status.APPLIED, live(after, now), new BindingChanges(List.of(), removed));
    }

    /**
     * Removes the bindings of {@code contactUri}, live or expired, as the registrar does on its own
     * initiative (a flow that stopped answering keep-alives); the other bindings stay.
     */
    static RegistrationOutcome removeContact(List<Binding> existing, String contactUri, Instant now) {
        List<Binding> removals = new ArrayList<>();
        List<Binding> kept = new ArrayList<>();
        for (Binding b : existing) {
            (b.contactUri().equals(contactUri) ? removals : kept).add(b);
        }
        return new RegistrationOutcome(Status.APPLIED, live(kept, now), new BindingChanges(List.of(), removals));
    }

    /** Drops the expired bindings: the live ones stay, the expired ones are the removals. */
    static RegistrationOutcome purge(List<Binding> existing, Instant now) {
        List<Binding> before = live(existing, now);
        List<Binding> expired = new ArrayList<>(existing);
        expired.removeAll(before);
        return new RegistrationOutcome(Status.APPLIED, before, new BindingChanges(List.of(), expired));
    }

    static List<Binding> live(List<Binding> list, Instant now) {
        List<Binding> live = new ArrayList<>(list.size());
        for (Binding b : list) {
            if (b.isLive(now)) {
                live.add(b);
            }
        }
        return List.copyOf(live);
    }
}
