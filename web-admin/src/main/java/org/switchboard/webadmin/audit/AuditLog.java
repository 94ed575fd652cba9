package org.switchboard.webadmin.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.AuditStore;

/**
 * Records what administrators did: each change with who, from where, the object before and after.
 * The object states are given as field maps; fields whose name says they hold a secret (password,
 * secret, token, hash) are written as {@value #MASK}, so the log never holds one. Also writes each
 * entry to the server log. Blocking (the store); thread-safe.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final String MASK = "***";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|hash).*");

    private final AuditStore store;
    private final Clock clock;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Records one action.
     *
     * @param before the object's fields before, or {@code null} if it did not exist
     * @param after the object's fields after, or {@code null} if it is gone
     */
    public void record(String actor, String source, String action, String domain, String object,
            Map<String, String> before, Map<String, String> after) {
        AuditEntry entry = new AuditEntry(clock.instant(), actor, source, action, domain, object, describe(before),
                describe(after));
        LOG.info("Audit: {} from {}: {} {}{}{}", actor, source, action, object,
                entry.before() == null ? "" : " before [" + entry.before() + "]",
                entry.after() == null ? "" : " after [" + entry.after() + "]");
        store.append(entry);
    }

    /** A page of entries, newest first; only those of {@code domain} unless it is null. */
    public List<AuditEntry> page(String domain, int offset, int limit) {
        return store.page(domain, offset, limit);
    }

    /** {@code name=value, ...} in name order, secrets masked; null for null. */
    static String describe(Map<String, String> fields) {
        if (fields == null) {
            return null;
        }
        return new TreeMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + (SECRET.matcher(e.getKey()).matches() ? MASK : e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
