package org.switchboard.core.transport.netty;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.InboundMessageHandler;
import org.switchboard.core.transport.MessageTrace;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.TraceEntry;
import org.switchboard.core.transport.TransportStats;

/**
 * What happens to the bytes of one message once a transport has read them: trace, parse, check,
 * answer malformed requests with a stateless 400 (RFC 3261 §8.2.2 style, reason phrase saying what is
 * wrong), record {@code received}/{@code rport} in the top Via, and hand well-formed messages to the
 * {@link InboundMessageHandler}. Everything else is dropped, logged at debug level and counted.
 *
 * <p>Thread-safe and stateless apart from its collaborators; called on the event loop that read the
 * message. Never throws: a bad message must not kill the channel.
 */
final class MessageReceiver {
    private static final Logger log = LoggerFactory.getLogger(MessageReceiver.class);

    private final InboundMessageHandler handler;
    private final SipSender responder;
    private final TransportStats stats;
    private final MessageTrace trace;

    MessageReceiver(InboundMessageHandler handler, SipSender responder, TransportStats stats, MessageTrace trace) {
        this.handler = handler;
        this.responder = responder;
        this.stats = stats;
        this.trace = trace;
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
            log.debug("Dropped {} bytes from {}: {}", bytes.length, flow, result.error());
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
            log.debug("Dropped message from {}: {}", flow, e.getMessage());
        } catch (RuntimeException e) {
            stats.recordDropped();
            log.warn("Dropped message from {}: processing failed", flow, e);
        }
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
                SipRequest fixed = ViaReceivedFixup.apply((SipRequest) result.message(), flow.remote());
                deliver(new InboundMessage(fixed, flow, receivedAt));
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
        String problem = request.validate();
        if (problem != null) {
            rejectMalformed(request, flow, problem);
            return;
        }
        SipRequest fixed = ViaReceivedFixup.apply(request, flow.remote());
        deliver(new InboundMessage(fixed, flow, receivedAt));
    }

    private void receiveResponse(SipResponse response, Flow flow, long receivedAt) {
        String problem = response.validate();
        if (problem != null) {
            stats.recordDropped();
            log.debug("Dropped malformed {} response from {}: {}", response.statusCode(), flow, problem);
            return;
        }
        deliver(new InboundMessage(response, flow, receivedAt));
    }

    /** A stateless 400 if the top Via tells where to send it; never for an ACK (RFC 3261 §17.1.1.3). */
    private void rejectMalformed(SipRequest request, Flow flow, String problem) {
        Via via = readableTopVia(request);
        if (via == null || request.isMethod(SipMethod.ACK)) {
            stats.recordDropped();
            log.debug("Dropped malformed {} from {}: {}", request.method(), flow, problem);
            return;
        }
        SipResponse.Builder builder = SipResponse.builderFor(request, 400, problem);
        ViaReceivedFixup.replaceTopVia(builder, ViaReceivedFixup.fix(via, flow.remote()));
        SipResponse badRequest = withToTagIfReadable(builder).build();
        log.debug("Answering malformed {} from {} with 400 {}", request.method(), flow, problem);
        stats.recordBadRequestSent();
        responder.sendResponse(badRequest, flow, cause ->
                log.debug("Could not send 400 to {}: {}", flow, cause.toString()));
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
