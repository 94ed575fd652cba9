/**
 * Call records (CDR) in the registrar database: {@link
 * org.switchboard.store.calls.JdbcCallRecordStore} (table {@code call_records}), the {@link
 * org.switchboard.store.calls.CallRecordWriter} that batches the proxy's records into few
 * transactions on its own thread, the daily {@link
 * org.switchboard.store.calls.CallRecordRetention} pruning, and the {@link
 * org.switchboard.store.calls.CallListing} the {@code calls} admin command prints.
 */
package org.switchboard.store.calls;
