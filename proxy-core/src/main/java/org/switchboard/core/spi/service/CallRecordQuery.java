package org.switchboard.core.spi.service;

import java.time.Instant;

/**
 * Which call records to read and which page of them: those started in {@code [from, until)} whose
 * caller or callee contains {@code party}, newest first, skipping {@code offset} and taking at most
 * {@code limit}. Immutable.
 *
 * @param from earliest start, inclusive, or {@code null} for no bound
 * @param until latest start, exclusive, or {@code null} for no bound
 * @param party text the caller or the callee URI contains (case-insensitive), or {@code null} for any
 * @param offset how many matching records to skip, 0 or more
 * @param limit how many to return, 1 to {@value #MAX_LIMIT}
 */
public record CallRecordQuery(Instant from, Instant until, String party, int offset, int limit) {
    /** The largest page, so one request cannot read the whole table into memory. */
    public static final int MAX_LIMIT = 1000;

    public CallRecordQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        if (party != null && party.isBlank()) {
            party = null;
        }
    }

    /** The newest {@code limit} records, unfiltered. */
    public static CallRecordQuery newest(int limit) {
        return new CallRecordQuery(null, null, null, 0, limit);
    }

    /** The same filter, the page after this one. */
    public CallRecordQuery nextPage() {
        return new CallRecordQuery(from, until, party, offset + limit, limit);
    }
}
