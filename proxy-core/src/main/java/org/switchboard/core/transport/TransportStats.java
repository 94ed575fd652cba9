package org.switchboard.core.transport;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.switchboard.core.message.SipMethod;

/**
 * Counters kept by the transports, for metrics and the admin status page. Thread-safe: updated from
 * the event loops, read from any thread.
 */
public final class TransportStats {
    /** The methods counted each on their own by {@link #requestsIn} and {@link #requestsOut}; others as {@link #OTHER_METHOD}. */
    public static final List<String> COUNTED_METHODS = List.of(SipMethod.INVITE, SipMethod.ACK, SipMethod.BYE,
            SipMethod.CANCEL, SipMethod.OPTIONS, SipMethod.REGISTER, SipMethod.PRACK, SipMethod.SUBSCRIBE,
            SipMethod.NOTIFY, SipMethod.PUBLISH, SipMethod.INFO, SipMethod.REFER, SipMethod.MESSAGE, SipMethod.UPDATE);
    /** The name {@link #requestsIn} and {@link #requestsOut} count every method not in {@link #COUNTED_METHODS} under. */
    public static final String OTHER_METHOD = "other";
    /** The lowest and highest response class counted, 1xx to 6xx (RFC 3261 §7.2). */
    public static final int FIRST_CLASS = 1;
    public static final int LAST_CLASS = 6;

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
    /** By index in {@link #COUNTED_METHODS}, the last one for every other method. */
    private final LongAdder[] requestsIn = adders(COUNTED_METHODS.size() + 1);
    private final LongAdder[] requestsOut = adders(COUNTED_METHODS.size() + 1);
    /** By status class, 1xx at 0. */
    private final LongAdder[] responsesIn = adders(LAST_CLASS);
    private final LongAdder[] responsesOut = adders(LAST_CLASS);

    public TransportStats() {
        for (Transport t : Transport.values()) {
            messagesIn.put(t, new LongAdder());
            messagesOut.put(t, new LongAdder());
        }
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    /** A well-formed request received, before any transaction matching (so retransmissions count). */
    public void recordRequestIn(String method) {
        requestsIn[methodIndex(method)].increment();
    }

    /** A request handed to the transport to send, retransmissions included. */
    public void recordRequestOut(String method) {
        requestsOut[methodIndex(method)].increment();
    }

    /** A well-formed response received, retransmissions included. */
    public void recordResponseIn(int status) {
        responsesIn[classIndex(status)].increment();
    }

    /** A response handed to the transport to send, retransmissions included. */
    public void recordResponseOut(int status) {
        responsesOut[classIndex(status)].increment();
    }

    /**
     * Where a method is counted. The parser hands out {@link SipMethod}'s constants for the methods
     * it knows, so the identity test finds those without comparing characters; the equality test is
     * for methods built elsewhere.
     */
    private static int methodIndex(String method) {
        for (int i = 0; i < COUNTED_METHODS.size(); i++) {
            String known = COUNTED_METHODS.get(i);
            if (known == method || known.equals(method)) {
                return i;
            }
        }
        return COUNTED_METHODS.size();
    }

    /** A status outside 100-699 (which the parser refuses) is counted with the nearest class. */
    private static int classIndex(int status) {
        return Math.max(FIRST_CLASS, Math.min(LAST_CLASS, status / 100)) - 1;
    }

    /** Requests received of {@code method}, one of {@link #COUNTED_METHODS} or {@link #OTHER_METHOD}. */
    public long requestsIn(String method) {
        return requestsIn[countedIndex(method)].sum();
    }

    /** Requests sent of {@code method}, one of {@link #COUNTED_METHODS} or {@link #OTHER_METHOD}. */
    public long requestsOut(String method) {
        return requestsOut[countedIndex(method)].sum();
    }

    /** Responses received of a class, 1 for 1xx to 6 for 6xx. */
    public long responsesIn(int statusClass) {
        return responsesIn[checkedClass(statusClass)].sum();
    }

    /** Responses sent of a class, 1 for 1xx to 6 for 6xx. */
    public long responsesOut(int statusClass) {
        return responsesOut[checkedClass(statusClass)].sum();
    }

    private static int countedIndex(String method) {
        if (OTHER_METHOD.equals(method)) {
            return COUNTED_METHODS.size();
        }
        int index = COUNTED_METHODS.indexOf(method);
        if (index < 0) {
            throw new IllegalArgumentException("Not a counted method: " + method);
        }
        return index;
    }

    private static int checkedClass(int statusClass) {
        if (statusClass < FIRST_CLASS || statusClass > LAST_CLASS) {
            throw new IllegalArgumentException("Not a response class: " + statusClass);
        }
        return statusClass - 1;
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
