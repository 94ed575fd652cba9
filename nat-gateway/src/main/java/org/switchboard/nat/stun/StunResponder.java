package org.switchboard.nat.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;

/**
 * Decides the answer to one STUN datagram: a Binding response, from the port it came to or from
 * the second port when CHANGE-REQUEST asks for another port; 420 for comprehension-required
 * attributes it does not know (RFC 5389 §7.3.1); nothing for a malformed message, a message that
 * is not a Binding request, or a change of IP address (this server has no other address to answer
 * from; the client's retransmissions then tell it so, as with the 4S STUN server without other
 * servers). Counts everything in its {@link StunStatistics}. Thread-safe; never blocks.
 */
public final class StunResponder {
    private static final Logger LOG = LoggerFactory.getLogger(StunResponder.class);

    /** Where an answer goes out: from the port the request came to, or from the second port. */
    public record Answer(ByteBuffer datagram, boolean fromSecondPort) {
    }

    private final StunStatistics statistics;
    private final RateLimitedLog malformedLog = RateLimitedLog.of(LOG, RateLimitedLog.Level.WARN,
            "Malformed STUN messages dropped", Duration.ofMinutes(1));
    private final RateLimitedLog changeIpLog = RateLimitedLog.of(LOG, RateLimitedLog.Level.INFO,
            "STUN change-IP requests not answered, no other STUN server to answer from", Duration.ofMinutes(1));

    public StunResponder(StunStatistics statistics) {
        this.statistics = statistics;
    }

    /**
     * The answer to {@code datagram} from {@code source}, which arrived at {@code local}, or {@code
     * null} to send nothing.
     *
     * @param secondPort the address of the second port, which answers change-port requests, or
     *     {@code null} where there is none (the SIP sockets)
     */
    public Answer answer(ByteBuffer datagram, InetSocketAddress source, InetSocketAddress local,
            InetSocketAddress secondPort) {
        StunRequest request;
        try {
            request = StunCodec.parseRequest(datagram);
        } catch (MalformedStunException e) {
            statistics.malformed();
            statistics.count(source, StunStatistics.Kind.ERROR);
            malformedLog.occurred(() -> "from " + source + ": " + e.getMessage());
            return null;
        }
        if (!request.isBinding()) {
            statistics.unanswerable();
            statistics.count(source, StunStatistics.Kind.ERROR);
            return null;
        }
        if (!request.unknownRequired().isEmpty()) {
            statistics.count(source, StunStatistics.Kind.ERROR);
            statistics.answered();
            return new Answer(StunCodec.error(request, 420, "Unknown Attribute", request.unknownRequired()), false);
        }
        if (request.changeIp()) {
            statistics.count(source, StunStatistics.Kind.CHANGE_IP);
            statistics.unanswerable();
            changeIpLog.occurred(source::toString);
            return null;
        }
        if (request.changePort()) {
            statistics.count(source, StunStatistics.Kind.CHANGE_PORT);
            if (secondPort == null) {
                statistics.unanswerable();
                return null;
            }
            statistics.answered();
            return new Answer(StunCodec.bindingSuccess(request, source, known(secondPort), known(local)), true);
        }
        statistics.count(source, StunStatistics.Kind.NO_CHANGE);
        statistics.answered();
        return new Answer(StunCodec.bindingSuccess(request, source, known(local), known(secondPort)), false);
    }

    /** The address, or {@code null} for a wildcard one (0.0.0.0, ::), which names no address to reach. */
    private static InetSocketAddress known(InetSocketAddress address) {
        return address == null || address.getAddress().isAnyLocalAddress() ? null : address;
    }
}
