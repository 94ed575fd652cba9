/**
 * Call records (CDR) in the registrar database: {@link
 * org.switchboard.registrar.calls.JdbcCallRecordStore} (table {@code call_records}), the {@link
 * org.switchboard.registrar.calls.CallRecordWriter} that batches the proxy's records into few
 * transactions on its own thread, the daily {@link
 * org.switchboard.registrar.calls.CallRecordRetention} pruning, and the {@link
 * org.switchboard.registrar.calls.CallListing} the {@code calls} admin command prints.
 */
package org.switchboard.registrar.calls;
