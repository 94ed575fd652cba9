package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * One stored hunt or ring group: a virtual extension of a domain that rings its members. The dial
 * plan module parses and applies it (docs/dialplan.md). Immutable.
 *
 * @param domain the group's domain, lower case
 * @param name the group's user part, e.g. {@code 600} or {@code sales}
 * @param strategy {@code ring-all}, {@code linear} or {@code longest-idle}
 * @param ringSeconds how long each member rings (linear) or all ring (ring-all), or {@code null} for
 *     the default
 * @param members the members in order, comma separated: users of the domain, numbers or SIP URIs
 * @param fallback where the call goes when no member answers, or {@code null}
 */
public record HuntGroup(String domain, String name, String strategy, Integer ringSeconds, String members,
        String fallback) {

    public HuntGroup {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(members, "members");
    }
}
