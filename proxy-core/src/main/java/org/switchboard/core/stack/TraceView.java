package org.switchboard.core.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.service.MessageTraceService;
import org.switchboard.core.spi.service.TracedMessage;
import org.switchboard.core.transport.MessageTrace;
import org.switchboard.core.transport.TraceEntry;

/**
 * The transports' {@link MessageTrace} as plugins read it: bounded copies of the newest entries,
 * filtered by Call-ID or by the user in From or To.
 *
 * <p>Threading: as {@link MessageTrace}, lock-free; a reader parses the From and To of the entries it
 * filters by user on its own thread, never on an event loop unless it is called there. Thread-safe.
 */
public final class TraceView implements MessageTraceService {
    private final MessageTrace trace;

    public TraceView(MessageTrace trace) {
        this.trace = trace;
    }

    @Override
    public List<TracedMessage> recent(int limit) {
        return newest(trace.snapshot(), e -> true, limit);
    }

    @Override
    public List<TracedMessage> byCallId(String callId, int limit) {
        return newest(trace.snapshot(), e -> callId.equals(e.callId()), limit);
    }

    @Override
    public List<TracedMessage> byUser(String user, String domain, int limit) {
        String host = domain.toLowerCase(Locale.ROOT);
        return newest(trace.snapshot(), e -> names(e, user, host), limit);
    }

    private static List<TracedMessage> newest(List<TraceEntry> oldestFirst, Predicate<TraceEntry> wanted, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        List<TracedMessage> picked = new ArrayList<>(Math.min(limit, oldestFirst.size()));
        for (int i = oldestFirst.size() - 1; i >= 0 && picked.size() < limit; i--) {
            TraceEntry e = oldestFirst.get(i);
            if (wanted.test(e)) {
                picked.add(TracedMessage.of(e.sequence(), e.direction() == TraceEntry.Direction.IN, e.time(),
                        e.transport().name(), e.local(), e.remote(), e.callId(), e.bytes()));
            }
        }
        Collections.reverse(picked);
        return picked;
    }

    /** Whether the From or To address of the traced message is {@code user@host} (RFC 3261 §19.1.4). */
    private static boolean names(TraceEntry entry, String user, String host) {
        byte[] bytes = entry.bytes();
        ParseResult parsed = SipParser.parse(bytes, 0, bytes.length, true);
        if (!parsed.isSuccess()) {
            return false;
        }
        SipMessage message = parsed.message();
        try {
            return isUser(message.from(), user, host) || isUser(message.to(), user, host);
        } catch (RuntimeException malformed) {
            // a traced message with a From or To the parser rejects names nobody
            return false;
        }
    }

    private static boolean isUser(NameAddr address, String user, String host) {
        if (address == null || !address.isSip()) {
            return false;
        }
        SipUri uri = address.sipUri();
        return user.equals(uri.user()) && host.equals(uri.host().toLowerCase(Locale.ROOT));
    }
}
