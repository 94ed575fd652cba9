package org.switchboard.dialplan.groups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.dialplan.target.Targets;

/**
 * A group, checked and parsed from the stored {@link HuntGroup}. Immutable.
 *
 * @param members targets as written, in order, at least one
 * @param ringTime per member (linear) or for all (ring-all)
 * @param fallback where the call goes when no member answers, as written, or {@code null}
 */
public record Group(String domain, String name, Strategy strategy, Duration ringTime, List<String> members,
        String fallback) {
    /** A member's (or the members') ring time when the group sets none. */
    public static final Duration DEFAULT_RING = Duration.ofSeconds(20);

    public Group {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one member");
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong: the strategy, a member or the fallback
     *     that is no number or URI, a ring time out of 1-600 s, no members
     */
    public static Group of(HuntGroup stored) {
        Strategy strategy = Strategy.parse(stored.strategy());
        Integer seconds = stored.ringSeconds();
        if (seconds != null && (seconds < 1 || seconds > 600)) {
            throw new IllegalArgumentException("the ring time must be 1-600 seconds: " + seconds);
        }
        List<String> members = new ArrayList<>();
        for (String member : stored.members().split(",")) {
            String trimmed = member.trim();
            if (!trimmed.isEmpty()) {
                Targets.check(trimmed);
                members.add(trimmed);
            }
        }
        if (stored.fallback() != null) {
            Targets.check(stored.fallback());
        }
        return new Group(stored.domain(), stored.name(), strategy,
                seconds == null ? DEFAULT_RING : Duration.ofSeconds(seconds), members, stored.fallback());
    }
}
