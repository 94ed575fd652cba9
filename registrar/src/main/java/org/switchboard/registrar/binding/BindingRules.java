package org.switchboard.registrar.binding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.registrar.binding.RegistrationOutcome.Status;

/**
 * The binding rules of RFC 3261 §10.3 steps 6 and 7 and RFC 5626 §6 as pure functions from the
 * bindings of one address-of-record (as stored, expired ones included) to the outcome of a change.
 * Stateless and thread-safe.
 */
final class BindingRules {
    static final Comparator<Binding> HIGHEST_Q_FIRST = Comparator.comparingDouble(Binding::q).reversed();

    private BindingRules() {
    }

    /**
     * Applies the contacts of one REGISTER, all or none (§10.3 step 7). A contact whose {@link
     * Binding#expiresAt()} is not in the future removes its binding; one with the key of an existing
     * binding ({@link Binding#key()}) updates it if its Call-ID differs or its CSeq is higher; others
     * are added. Bindings found expired leave the store with the change.
     */
    static RegistrationOutcome register(List<Binding> existing, List<Binding> contacts, Instant now, int max) {
        List<Binding> before = live(existing, now);
        List<Binding> after = new ArrayList<>(before);
        List<Binding> upserts = new ArrayList<>();
        List<Binding> removals = new ArrayList<>(existing);
        removals.removeAll(before);
        for (Binding contact : contacts) {
            int index = indexOfKey(after, contact.key());
            Binding old = index < 0 ? null : after.get(index);
            if (old != null && old.callId().equals(contact.callId()) && contact.cseq() <= old.cseq()) {
                return new RegistrationOutcome(Status.OUT_OF_ORDER, before, BindingChanges.NONE);
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
        if (after.size() > max) {
            return new RegistrationOutcome(Status.TOO_MANY_BINDINGS, before, BindingChanges.NONE);
        }
        after.sort(HIGHEST_Q_FIRST);
        return new RegistrationOutcome(Status.APPLIED, after, new BindingChanges(upserts, removals));
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

    private static int indexOfKey(List<Binding> list, String key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
