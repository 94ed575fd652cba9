package org.switchboard.webadmin.directory;

import java.time.Instant;
import java.util.List;
import org.switchboard.core.spi.store.CallRecord;

/**
 * The call records, for the call log page. The server implements it with the query behind the
 * typed call records service ({@code CallRecordQuery} over a time range), run synchronously. <b>Blocks</b> (database). Thread-safe.
 */
@FunctionalInterface
public interface CallLog {

    /** A page of the calls that started in {@code [from, to)}, newest first. */
    List<CallRecord> between(Instant from, Instant to, int offset, int limit);
}
