package org.switchboard.core.transport.netty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.InboundMessageHandler;
import org.switchboard.core.transport.MessageTrace;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.TraceEntry;
import org.switchboard.core.transport.TransportStats;

/**
 * What happens to the bytes of one message once a transport has read them: trace, parse, check,
 * answer a request in another SIP version with a stateless 505 (RFC 3261 §21.5.7) and a malformed
 * one with a stateless 400 (RFC 3261 §8.2.2 style, reason phrase saying what is wrong), record
 * {@code received}/{@code rport} in the top Via, and hand well-formed messages to the {@link
 * InboundMessageHandler}. A request whose top Via cannot route the answer is answered at the
 * packet's source where that is safe (RFC 4475 §3.1.2.1, §3.1.2.16 expect an answer). Everything
 * else is dropped, counted, and logged at INFO at most once a minute ({@link RateLimitedLog}).
 *
 * <p>Thread-safe and stateless apart from its collaborators; called on the event loop that read the
 * message. Never throws: a bad message must not kill the channel.
 */
final class MessageReceiver {
    private static final Logger log = LoggerFactory.getLogger(MessageReceiver.class);
    private static final Duration DROP_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final String SIP_2_0 = "SIP/2.0";
    private static final InetAddress LIMITED_BROADCAST = limitedBroadcast();

    private final InboundMessageHandler handler;
    private final SipSender responder;
    private final TransportStats stats;
    private final MessageTrace trace;
    private final RateLimitedLog drops;

    MessageReceiver(InboundMessageHandler handler, SipSender responder, TransportStats stats, MessageTrace trace) {
        this(handler, responder, stats, trace,
                RateLimitedLog.of(log, RateLimitedLog.Level.INFO, "Dropped messages", DROP_LOG_INTERVAL));
    }

    MessageReceiver(InboundMessageHandler handler, SipSender responder, TransportStats stats, MessageTrace trace,
            RateLimitedLog drops) {
        this.handler = handler;
        this.responder = responder;
        this.stats = stats;
        this.trace = trace;
        this.drops = drops;
    }

    /**
     * Processes one message. {@code bytes} is kept by the parsed message and the trace and must not be
     * modified afterwards.
     *
     * @param datagram {@code true} if the bytes are a whole UDP datagram, {@code false} if framed from a stream
     */
    void receive(byte[] bytes, Flow flow, boolean datagram) {
        long receivedAt = System.nanoTime();
        ParseResult result = parseAndTrace(bytes, flow, datagram);
        SipMessage message = result.message();
        if (message == null) {
            stats.recordParseFailure();
            drops.occurred(() -> bytes.length + " bytes that are no SIP message from " + flow + ": "
                    + result.error());
            return;
        }
        try {
            if (message instanceof SipRequest request) {
                receiveRequest(request, flow, receivedAt);
            } else {
                receiveResponse((SipResponse) message, flow, receivedAt);
            }
        } catch (SipParseException e) {
            stats.recordDropped();
            drops.occurred(() -> "a message from " + flow + ": " + e.getMessage());
        } catch (RuntimeException e) {
            stats.recordDropped();
            log.warn("Dropped message from {}: processing failed", flow, e);
        }
    }

    /**
     * Processes the start of a stream message larger than the size limit: a request whose top Via,
     * Call-ID and CSeq are among the bytes kept gets 513 Message Too Large (RFC 3261 §21.5.14) on
     * its connection, which the caller closes after; anything else is dropped and counted.
     *
     * @param head the message's first bytes: its header section, or as much of it as came within
     *     the limit
     */
    void receiveTooLarge(byte[] head, Flow flow) {
        stats.recordMessageIn(flow.transport());
        byte[] headers = completeLines(head);
        ParseResult result;
        try {
            result = SipParser.parse(headers, 0, headers.length, true);
        } catch (RuntimeException e) {
            result = new ParseResult(null, "Parser failed: " + e);
        }
        trace.record(TraceEntry.Direction.IN, flow.transport(), flow.local(), flow.remote(), null, head);
        String why = "Message of more than the size limit";
        try {
            if (result.message() instanceof SipRequest request && !request.isMethod(SipMethod.ACK)
                    && readableTopVia(request) != null && answerableAtSource(request, flow)) {
                SipResponse.Builder builder = SipResponse.builderFor(request, 513, "Message Too Large");
                ViaReceivedFixup.replaceTopVia(builder, ViaReceivedFixup.fix(request.topVia(), flow.remote()));
                stats.recordBadRequestSent();
                log.debug("Answering {} from {} with 513: over the size limit", request.method(), flow);
                responder.sendResponse(withToTagIfReadable(builder).build(), flow, cause ->
                        log.debug("Could not send 513 to {}: {}", flow, cause.toString()));
                return;
            }
        } catch (SipParseException e) {
            why = why + " with " + e.getMessage();
        }
        stats.recordMalformedDropped();
        String reason = why;
        drops.occurred(() -> "a message from " + flow + " that cannot be answered: " + reason);
    }

    /**
     * The header lines of {@code head} that came whole, and the blank line that ends a header
     * section, so that a section cut at the size limit still parses; the body is left out.
     */
    private static byte[] completeLines(byte[] head) {
        int end = head.length;
        while (end > 0 && head[end - 1] != '\n') {
            end--;
        }
        int blank = blankLineEnd(head, end);
        int keep = blank >= 0 ? blank - 2 : end;
        byte[] lines = Arrays.copyOf(head, keep + 2);
        lines[keep] = '\r';
        lines[keep + 1] = '\n';
        return lines;
    }

    /** Where the first CRLF CRLF ends within {@code [0, end)}, or -1. */
    private static int blankLineEnd(byte[] b, int end) {
        for (int i = 3; i < end; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Processes one datagram that arrived on a SIP multicast group. Only a well-formed request that
     * {@code filter} accepts goes on to the handler; everything else is dropped, counted in {@code
     * drops} and logged at debug level, never answered: an error response to a multicast request
     * would come from every server on the link (RFC 3261 §18.2.1 sends such responses for unicast
     * only; snom's responder stays silent too).
     */
    void receiveMulticast(byte[] bytes, Flow flow, Predicate<SipRequest> filter, LongAdder drops) {
        long receivedAt = System.nanoTime();
        ParseResult result = parseAndTrace(bytes, flow, true);
        String reason;
        try {
            reason = multicastDropReason(result, filter);
            if (reason == null) {
                SipRequest request = (SipRequest) result.message();
                stats.recordRequestIn(request.method());
                deliver(new InboundMessage(ViaReceivedFixup.apply(request, flow.remote()), flow, receivedAt));
                return;
            }
        } catch (RuntimeException e) {
            // SipParseException from a header the filter or the Via fix-up read, or a filter's bug
            reason = e.toString();
        }
        stats.recordDropped();
        drops.increment();
        log.debug("Dropped {} bytes on multicast group {} from {}: {}", bytes.length, flow.local(), flow.remote(),
                reason);
    }

    /** Why a multicast datagram is not for us, or {@code null} if it is. */
    private static String multicastDropReason(ParseResult result, Predicate<SipRequest> filter) {
        if (result.message() == null) {
            return result.error();
        }
        if (!(result.message() instanceof SipRequest request)) {
            return "a response";
        }
        String problem = request.validate();
        if (problem != null) {
            return problem;
        }
        return filter.test(request) ? null : request.method() + " not accepted on the multicast group";
    }

    private ParseResult parseAndTrace(byte[] bytes, Flow flow, boolean datagram) {
        stats.recordMessageIn(flow.transport());
        ParseResult result;
        try {
            result = SipParser.parse(bytes, 0, bytes.length, datagram);
        } catch (RuntimeException e) {
            result = new ParseResult(null, "Parser failed: " + e);
        }
        SipMessage message = result.message();
        trace.record(TraceEntry.Direction.IN, flow.transport(), flow.local(), flow.remote(),
                message == null ? null : message.header(HeaderName.CALL_ID), bytes);
        return result;
    }

    private void receiveRequest(SipRequest request, Flow flow, long receivedAt) {
        if (request.defect() == null && !SIP_2_0.equalsIgnoreCase(request.sipVersion())) {
            // RFC 3261 §8.2.2 (and RFC 4475 §3.1.2.16), for a well-framed Request-Line: another
            // version's headers need not follow our grammar, so the answer goes back where the
            // packet came from, whatever its Via says
            reject(request, flow, 505, "Version Not Supported", true);
            return;
        }
        String problem = request.validate();
        if (problem != null) {
            reject(request, flow, 400, problem, readableTopVia(request) == null);
            return;
        }
        stats.recordRequestIn(request.method());
        SipRequest fixed = ViaReceivedFixup.apply(request, flow.remote());
        deliver(new InboundMessage(fixed, flow, receivedAt));
    }

    private void receiveResponse(SipResponse response, Flow flow, long receivedAt) {
        String problem = response.validate();
        if (problem != null) {
            stats.recordDropped();
            drops.occurred(() -> "malformed " + response.statusCode() + " response from " + flow + ": "
                    + problem);
            return;
        }
        stats.recordResponseIn(response.statusCode());
        deliver(new InboundMessage(response, flow, receivedAt));
    }

    /**
     * A stateless answer, never to an ACK (RFC 3261 §17.1.1.3): where the top Via says (§18.2.2,
     * with received and rport), or at the packet's source when the Via cannot say or {@code
     * atSource} asks for it and that is safe ({@link #answerableAtSource}); else the request is
     * dropped and counted.
     */
    private void reject(SipRequest request, Flow flow, int status, String reason, boolean atSource) {
        Via via = atSource ? null : readableTopVia(request);
        if (request.isMethod(SipMethod.ACK) || via == null && !answerableAtSource(request, flow)) {
            stats.recordMalformedDropped();
            drops.occurred(() -> "malformed " + request.method() + " from " + flow + " that cannot be answered: "
                    + reason);
            return;
        }
        SipResponse.Builder builder = SipResponse.builderFor(request, status, reason);
        if (via != null) {
            ViaReceivedFixup.replaceTopVia(builder, ViaReceivedFixup.fix(via, flow.remote()));
        }
        SipResponse answer = withToTagIfReadable(builder).build();
        log.debug("Answering malformed {} from {} with {} {}", request.method(), flow, status, reason);
        stats.recordBadRequestSent();
        SipSender.TransportErrorListener onError = cause ->
                log.debug("Could not send {} to {}: {}", status, flow, cause.toString());
        if (via != null) {
            responder.sendResponse(answer, flow, onError);
        } else {
            // the Via is copied as it came (§8.2.6.2), for the sender to match; the source is where
            // the packet came from, as with rport (RFC 3581 §4), over its connection for a stream
            Destination source = new Destination(flow.transport(), flow.remote(), flow.connectionId());
            responder.sendResponse(EncodedResponse.routed(answer.encode(), status, request.callId(), source,
                    flow.local()), onError);
        }
    }

    /**
     * Whether an answer may go to the packet's source: the request has a Via, a Call-ID and a
     * readable CSeq for the sender to match it by (§17.1.3), and the source is one unicast address
     * and port (never a multicast or broadcast address, so that a forged source cannot make us
     * answer many).
     */
    private static boolean answerableAtSource(SipRequest request, Flow flow) {
        InetAddress address = flow.remote().getAddress();
        if (flow.remote().getPort() <= 0 || address.isMulticastAddress() || address.isAnyLocalAddress()
                || address.equals(LIMITED_BROADCAST)) {
            return false;
        }
        if (!request.headers().contains(HeaderName.VIA) || request.headers().count(HeaderName.CALL_ID) != 1) {
            return false;
        }
        try {
            request.cseq();
            return !request.callId().isEmpty();
        } catch (SipParseException e) {
            return false;
        }
    }

    private static InetAddress limitedBroadcast() {
        try {
            return InetAddress.getByAddress(new byte[] {-1, -1, -1, -1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are always an IPv4 address", e);
        }
    }

    private static Via readableTopVia(SipRequest request) {
        try {
            return request.topVia();
        } catch (SipParseException e) {
            return null;
        }
    }

    /** RFC 3261 §8.2.6.2: a To tag on a final response, unless the To header is unreadable. */
    private static SipResponse.Builder withToTagIfReadable(SipResponse.Builder builder) {
        try {
            return builder.toTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        } catch (SipParseException e) {
            return builder;
        }
    }

    private void deliver(InboundMessage inbound) {
        try {
            handler.onMessage(inbound);
        } catch (RuntimeException e) {
            stats.recordDropped();
            log.warn("Message handler failed on a message from {}", inbound.flow(), e);
        }
    }
}
