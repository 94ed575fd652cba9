package org.switchboard.dialplan.trunks;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.spi.route.Target;

/**
 * The trunks in force, by name and by the addresses their requests come from; swapped whole when
 * the store changes. Immutable.
 */
public final class TrunkDirectory {
    /** No trunks. */
    public static final TrunkDirectory EMPTY = new TrunkDirectory(List.of());

    private final Map<String, Trunk> byName = new LinkedHashMap<>();
    private final Map<InetAddress, List<Trunk>> bySource = new HashMap<>();

    public TrunkDirectory(List<Trunk> trunks) {
        for (Trunk t : trunks) {
            byName.put(t.name(), t);
            for (InetAddress a : t.addresses()) {
                bySource.computeIfAbsent(a, k -> new ArrayList<>()).add(t);
            }
        }
    }

    /** The trunk of that name, or {@code null}. */
    public Trunk named(String name) {
        return byName.get(name);
    }

    /** Every trunk, by name. */
    public List<Trunk> all() {
        return List.copyOf(byName.values());
    }

    /** The trunk a forwarded target goes to (its host and port), or {@code null}. */
    public Trunk carrying(Target target) {
        for (Trunk t : byName.values()) {
            if (t.carries(target)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The trunk a request from {@code source} comes from, or {@code null}: recognised by its source
     * address (the trunk's host or outbound proxy). Where trunks share an address (two accounts at
     * one provider), the one whose registered Contact user is the Request-URI's user, else the
     * first by name.
     */
    public Trunk inboundFrom(InetAddress source, String requestUser) {
        List<Trunk> candidates = bySource.get(source);
        if (candidates == null) {
            return null;
        }
        for (Trunk t : candidates) {
            if (t.contactUser().equals(requestUser)) {
                return t;
            }
        }
        return candidates.get(0);
    }
}
