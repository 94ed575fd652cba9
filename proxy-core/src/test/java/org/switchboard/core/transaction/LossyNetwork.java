package org.switchboard.core.transaction;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.InboundMessageHandler;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

/**
 * A UDP network for tests that loses, duplicates, delays and so reorders datagrams, after PJSIP's
 * loopback transport: every message is encoded to bytes, and each copy that survives is parsed again
 * from them and handed to the node it was sent to after a random delay on the {@link ManualClock}.
 * Seeded, so a run is the same every time. Nodes are addressed by socket address; a datagram to an
 * address with no node is lost. A response goes to the sent-by of its top Via (RFC 3261 §18.2.2),
 * which the nodes of a test fill in with their IP address and port.
 *
 * <p>Single-threaded, like the manual clock it runs on.
 */
public final class LossyNetwork {
    private final ManualShard wire;
    private final Random random;
    private final double loss;
    private final double duplication;
    private final long maxDelayMillis;
    private final Map<InetSocketAddress, InboundMessageHandler> nodes = new HashMap<>();
    private long datagrams;
    private long lost;
    private long duplicated;

    /**
     * @param loss the share of datagrams lost, 0 to 1
     * @param duplication the share of datagrams delivered twice (each copy may still be lost)
     * @param maxDelayMillis each copy is delayed uniformly between 0 and this, so later datagrams may overtake
     */
    public LossyNetwork(ManualClock clock, long seed, double loss, double duplication, long maxDelayMillis) {
        this.wire = new ManualShard(clock);
        this.random = new Random(seed);
        this.loss = loss;
        this.duplication = duplication;
        this.maxDelayMillis = maxDelayMillis;
    }

    /** Attaches {@code handler} at {@code address} and returns the transport it sends with from there. */
    public SipSender attach(InetSocketAddress address, InboundMessageHandler handler) {
        nodes.put(address, handler);
        return new Node(address);
    }

    /** Datagrams sent, each counted once however many copies were delivered. */
    public long datagrams() {
        return datagrams;
    }

    public long lost() {
        return lost;
    }

    public long duplicated() {
        return duplicated;
    }

    private void carry(byte[] bytes, InetSocketAddress from, InetSocketAddress to) {
        datagrams++;
        int copies = 1;
        if (random.nextDouble() < duplication) {
            copies = 2;
            duplicated++;
        }
        for (int i = 0; i < copies; i++) {
            if (random.nextDouble() < loss) {
                lost++;
                continue;
            }
            long delay = maxDelayMillis == 0 ? 0 : (long) (random.nextDouble() * (maxDelayMillis + 1));
            wire.schedule(() -> deliver(bytes, from, to), delay);
        }
    }

    private void deliver(byte[] bytes, InetSocketAddress from, InetSocketAddress to) {
        InboundMessageHandler handler = nodes.get(to);
        if (handler == null) {
            return;
        }
        SipMessage message = SipParser.parse(bytes, 0, bytes.length, true).message();
        handler.onMessage(new InboundMessage(message, new Flow(Transport.UDP, to, from, 0), 0));
    }

    /** The transport of one node: what it sends goes onto the lossy network. */
    private final class Node implements SipSender {
        private final InetSocketAddress address;

        Node(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError) {
            carry(request.encode(), address, destination.address());
        }

        @Override
        public EncodedResponse encodeResponse(SipResponse response, Flow requestFlow) {
            Via top = response.topVia();
            InetSocketAddress to = new InetSocketAddress(top.host(), top.port());
            return EncodedResponse.routed(response.encode(), response.statusCode(), response.callId(),
                    Destination.of(Transport.UDP, to), address);
        }

        @Override
        public void sendResponse(EncodedResponse response, TransportErrorListener onError) {
            carry(response.bytes(), address, response.destination().address());
        }
    }
}
