package org.switchboard.webadmin.http;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.core.spi.store.AuditStore;

/** An {@link AuditStore} in a list, for tests. Thread-safe. */
public final class InMemoryAuditStore implements AuditStore {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> page(String domain, int offset, int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().filter(e -> domain == null || domain.equals(e.domain())).skip(offset).limit(limit)
                .toList();
    }
}
