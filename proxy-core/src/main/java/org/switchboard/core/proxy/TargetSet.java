package org.switchboard.core.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.core.spi.route.Target;

/**
 * The targets of one forwarded request (RFC 3261 §16.5), handed out in groups of equal q-value,
 * highest first (§16.6: parallel within a group, sequential between groups). A target is never
 * taken twice, which also stops redirects going round in circles.
 *
 * <p>Threading: used on the call's shard only.
 */
final class TargetSet {
    private final List<Target> pending = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    TargetSet(List<Target> targets) {
        for (Target t : targets) {
            if (admit(t)) {
                pending.add(t);
            }
        }
        pending.sort(Comparator.comparingDouble(Target::q).reversed());
    }

    /** Records a target as taken; {@code false} if it was already (§16.5: no target twice). */
    boolean admit(Target target) {
        return seen.add(target.uri().toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Adds the targets not taken before (a router's next group), re-sorted by q.
     *
     * @return whether any was added
     */
    boolean add(List<Target> more) {
        boolean added = false;
        for (Target t : more) {
            if (admit(t)) {
                pending.add(t);
                added = true;
            }
        }
        pending.sort(Comparator.comparingDouble(Target::q).reversed());
        return added;
    }

    /** The next group of equal q, empty when none is left. */
    List<Target> nextGroup() {
        List<Target> group = new ArrayList<>();
        while (!pending.isEmpty() && (group.isEmpty() || pending.get(0).q() == group.get(0).q())) {
            group.add(pending.remove(0));
        }
        return group;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }
}
