package org.switchboard.webadmin.directory;

import java.time.Instant;
import java.util.List;
import org.switchboard.core.spi.store.CallRecord;

/**
 * The call records, for the call log page. The server implements it over the store's call records;
 * it is the web admin's own interface until the plugin context offers a typed call records
 * service. <b>Blocks</b> (database). Thread-safe.
 */
@FunctionalInterface
public interface CallLog {

    /** A page of the calls that started in {@code [from, to)}, newest first. */
    List<CallRecord> between(Instant from, Instant to, int offset, int limit);
}
