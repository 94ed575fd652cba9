/**
 * Call records (CDR): one {@link org.switchboard.core.spi.store.CallRecord} per call the proxy handled,
 * kept by the {@link org.switchboard.core.cdr.CallRecorder} while the call runs and written through
 * a blocking {@link org.switchboard.core.spi.store.CallRecordStore} off the event loops.
 */
package org.switchboard.core.cdr;
