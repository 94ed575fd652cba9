package org.switchboard.core.spi.service;

import java.util.List;

/**
 * The most recent SIP messages the server sent and received (a bounded ring buffer in the
 * transports), for the "SIP message flow" page: a ladder per call, the recent traffic of one user.
 * Implemented by the transports; wired in by the server.
 *
 * <p><b>Threading:</b> reads memory, never blocks; thread-safe. Each call copies at most {@code
 * limit} messages. Before the SIP stack has started it is empty.
 */
public interface MessageTraceService {

    /** The largest {@code limit} any method takes. */
    int MAX_LIMIT = 1000;

    /** The newest {@code limit} messages still held, oldest first. */
    List<TracedMessage> recent(int limit);

    /** The newest {@code limit} messages of the call {@code callId} still held, oldest first. */
    List<TracedMessage> byCallId(String callId, int limit);

    /**
     * The newest {@code limit} messages still held whose From or To names {@code user@domain}
     * (the user part and host of the address, case-insensitive in the host), oldest first.
     */
    List<TracedMessage> byUser(String user, String domain, int limit);
}
