package org.switchboard.core.spi.store;

import java.util.List;

/**
 * Persistence of the audit log, append-only. <b>Every method blocks</b> (database I/O). Thread-safe;
 * failures of the database are {@link StoreException}.
 */
public interface AuditStore {

    /** Appends one entry, durable when this returns. */
    void append(AuditEntry entry);

    /**
     * A page of entries, newest first.
     *
     * @param domain only entries of this domain, or {@code null} for all
     * @param offset entries to skip
     * @param limit most entries to return
     */
    List<AuditEntry> page(String domain, int offset, int limit);
}
