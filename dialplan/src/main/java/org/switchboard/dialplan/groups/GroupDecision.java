package org.switchboard.dialplan.groups;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.Target;

/**
 * A group's call as the proxy's decision: ring-all is one group of every reachable member's targets
 * for the ring time; linear is one group per reachable member, in order, each for the ring time
 * (the proxy moves on when a member's time ends or all its phones failed, RFC 3261 §16.7 step 5);
 * the fallback rings when all of them failed. Members that cannot be reached now (no phone
 * registered) are left out; with none left the fallback takes the call at once, else 480.
 */
public final class GroupDecision {
    private GroupDecision() {
    }

    /**
     * @param memberTargets each member's targets in the group's order; empty for one not reachable
     * @param fallback the fallback's targets, possibly empty
     */
    public static RouteDecision decide(Group group, List<List<Target>> memberTargets, List<Target> fallback) {
        List<RouteDecision.TargetGroup> groups = new ArrayList<>();
        if (group.strategy() == Strategy.RING_ALL) {
            List<Target> all = memberTargets.stream().flatMap(List::stream).toList();
            if (!all.isEmpty()) {
                groups.add(new RouteDecision.TargetGroup(all, group.ringTime()));
            }
        } else {
            for (List<Target> member : memberTargets) {
                if (!member.isEmpty()) {
                    groups.add(new RouteDecision.TargetGroup(member, group.ringTime()));
                }
            }
        }
        List<RouteDecision.TargetGroup> after = fallback.isEmpty() ? List.of()
                : List.of(new RouteDecision.TargetGroup(fallback, null));
        if (groups.isEmpty()) {
            return after.isEmpty() ? RouteDecision.reject(480, "No Group Member Available")
                    : new RouteDecision.Forward(after, List.of());
        }
        return new RouteDecision.Forward(groups, after);
    }
}
