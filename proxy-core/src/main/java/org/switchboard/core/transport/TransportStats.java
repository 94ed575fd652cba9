package org.switchboard.core.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters kept by the transports, for metrics and the admin status page. Thread-safe: updated from
 * the event loops, read from any thread.
 */
public final class TransportStats {
    private final Map<Transport, LongAdder> messagesIn = new EnumMap<>(Transport.class);
    private final Map<Transport, LongAdder> messagesOut = new EnumMap<>(Transport.class);
    private final LongAdder parseFailures = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder malformedDropped = new LongAdder();
    private final LongAdder badRequestsSent = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final LongAdder connectionsOpen = new LongAdder();
    private final LongAdder blockedDrops = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private final LongAdder firstMessageTimeouts = new LongAdder();

    public TransportStats() {
        for (Transport t : Transport.values()) {
            messagesIn.put(t, new LongAdder());
            messagesOut.put(t, new LongAdder());
        }
    }

    public void recordMessageIn(Transport transport) {
        messagesIn.get(transport).increment();
    }

    public void recordMessageOut(Transport transport) {
        messagesOut.get(transport).increment();
    }

    /** Bytes that did not even have a SIP start line. Such messages are also counted as dropped. */
    public void recordParseFailure() {
        parseFailures.increment();
        dropped.increment();
    }

    /** A message discarded without an answer (malformed, oversized, or unanswerable). */
    public void recordDropped() {
        dropped.increment();
    }

    /**
     * A malformed request that could not be answered (an ACK, or no Via, Call-ID or CSeq to answer
     * by): dropped, and counted in {@link #dropped()} too.
     */
    public void recordMalformedDropped() {
        malformedDropped.increment();
        dropped.increment();
    }

    /** A malformed request answered statelessly with 400 Bad Request, or 505 for another SIP version. */
    public void recordBadRequestSent() {
        badRequestsSent.increment();
    }

    /** A message that could not be sent (no route, connection refused, write failed). */
    public void recordSendFailure() {
        sendFailures.increment();
    }

    public void recordConnectionOpened() {
        connectionsOpen.increment();
    }

    public void recordConnectionClosed() {
        connectionsOpen.decrement();
    }

    /** A datagram, stream message or connection from a blocked (banned) source, dropped unread. */
    public void recordBlockedDrop() {
        blockedDrops.increment();
    }

    /** An inbound connection refused because of the global or the per-source connection limit. */
    public void recordConnectionRefused() {
        connectionsRefused.increment();
    }

    /** An inbound connection closed because no whole first message came in time. */
    public void recordFirstMessageTimeout() {
        firstMessageTimeouts.increment();
    }

    /** Messages read from the wire, well-formed or not. */
    public long messagesIn(Transport transport) {
        return messagesIn.get(transport).sum();
    }

    /** Messages written to the wire. */
    public long messagesOut(Transport transport) {
        return messagesOut.get(transport).sum();
    }

    public long parseFailures() {
        return parseFailures.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long malformedDropped() {
        return malformedDropped.sum();
    }

    public long badRequestsSent() {
        return badRequestsSent.sum();
    }

    public long sendFailures() {
        return sendFailures.sum();
    }

    /** Datagrams, stream messages and connections from blocked sources dropped unread. */
    public long blockedDrops() {
        return blockedDrops.sum();
    }

    /** Inbound connections refused at a connection limit. */
    public long connectionsRefused() {
        return connectionsRefused.sum();
    }

    /** Inbound connections closed for sending no whole first message in time. */
    public long firstMessageTimeouts() {
        return firstMessageTimeouts.sum();
    }

    /** Connections (TCP and other streams) currently open, inbound and outbound. */
    public long connectionsOpen() {
        return connectionsOpen.sum();
    }
}
