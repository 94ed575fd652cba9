package org.switchboard.nat.media;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.nat.media.MediaSockets.MediaSocket;

/**
 * The media relay's calls and ports: anchors the streams of an SDP (taking two port pairs per new
 * stream from the {@link RelayPorts}, one facing each side), rewrites it to name the ports facing
 * the side it goes to, and frees a call's ports when it ends or its media stops. A second offer in a
 * call (a re-INVITE: hold, a codec change, a new address) reuses the streams it has; a new {@code
 * m=} line gets new ports. Several answers to one offer (forking, RFC 3261 §16.7; early media in
 * 183s, RFC 3960) each point the callee side at their address, the latest winning, all rewritten to
 * the same ports facing the caller.
 *
 * <p>Threading: thread-safe; the SDP of one call is handled on the call's shard, one at a time; the
 * calls are in a concurrent map. Never blocks: binding a port is a system call that does not wait.
 */
public final class MediaRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaRelay.class);
    /** Tries at taking a pair whose ports another program may hold, before a stream is given up. */
    private static final int BIND_ATTEMPTS = 8;
    /** How long an unanswered call keeps its ports without a packet or an SDP, at least (Timer C, RFC 3261 §16.6). */
    static final Duration UNANSWERED_LIMIT = Duration.ofMinutes(3);

    private final MediaSockets sockets;
    private final RelayPorts ports;
    private final RelayCounters counters;
    private final LongSupplier clock;
    private final Duration learning;
    private final Map<String, MediaCall> calls = new ConcurrentHashMap<>();

    /**
     * @param clock nanoseconds, as {@link System#nanoTime}
     * @param learning how long after an SDP a side's first packet is latched from any address
     */
    MediaRelay(MediaSockets sockets, RelayPorts ports, RelayCounters counters, LongSupplier clock, Duration learning) {
        this.sockets = sockets;
        this.ports = ports;
        this.counters = counters;
        this.clock = clock;
        this.learning = learning;
    }

    /** How long after an SDP a side's first packet is latched from any address (a NAT's public one). */
    static final Duration LEARNING = Duration.ofSeconds(10);

    /**
     * A relay on Netty over {@code range}, with {@code threads} event loop threads.
     */
    public static MediaRelay start(PortRange range, int threads) {
        return new MediaRelay(new NettyMediaSockets(Math.max(1, threads)), new RelayPorts(range), new RelayCounters(),
                System::nanoTime, LEARNING);
    }

    /** Frees every call's ports and stops the relay's threads. */
    @Override
    public void close() {
        for (String callId : List.copyOf(calls.keySet())) {
            release(callId, "server stopping");
        }
        sockets.close();
    }

    /** The call {@code callId} whose initial INVITE came from {@code callerTag}, anchored from now on. */
    MediaCall begin(String callId, String callerTag) {
        return calls.computeIfAbsent(callId, id -> {
            counters.calls.increment();
            return new MediaCall(id, callerTag, clock.getAsLong());
        });
    }

    /** The anchored call {@code callId}, or {@code null}. */
    MediaCall find(String callId) {
        return calls.get(callId);
    }

    /**
     * Anchors the streams of {@code sdp}, sent by {@code from} in an offer or (if {@code answer}) an
     * answer, and returns it rewritten to name {@code advertised} and the ports facing the other
     * side; {@code null} when the port range is used up (the SDP then goes on unchanged, logged).
     */
    byte[] anchor(MediaCall call, Side from, SessionDescription sdp, InetAddress advertised, boolean answer) {
        long now = clock.getAsLong();
        long until = now + learning.toNanos();
        List<SessionDescription.Stream> signalled = sdp.streams();
        int[] relayPorts = new int[signalled.size()];
        for (SessionDescription.Stream stream : signalled) {
            MediaStream anchored = stream(call, stream.index(), stream.port() != 0);
            if (stream.port() == 0) {
                if (anchored != null) {
                    anchored.leg(from).rtpLatch.signal(null, until);
                    anchored.leg(from).rtcpLatch.signal(null, until);
                }
                continue;
            }
            if (anchored == null) {
                counters.exhausted.increment();
                LOG.warn("RTP relay: no free ports in the range for call {}; its media goes directly, unanchored",
                        call.callId);
                return null;
            }
            MediaStream.Leg leg = anchored.leg(from);
            leg.rtpLatch.signal(stream.rtp(), until);
            leg.rtcpLatch.signal(stream.rtcp(), until);
            if (answer) {
                // the offerer usually starts sending when the answer reaches it
                anchored.leg(from.other()).rtpLatch.rearm(until);
                anchored.leg(from.other()).rtcpLatch.rearm(until);
            }
            relayPorts[stream.index()] = anchored.leg(from.other()).rtpPort;
        }
        call.touch(now);
        return sdp.rewritten(advertised, relayPorts);
    }

    /** Stream {@code index} of the call, opened when {@code open} and new; {@code null} if none. */
    private MediaStream stream(MediaCall call, int index, boolean open) {
        synchronized (call.streams) {
            while (call.streams.size() <= index) {
                call.streams.add(null);
            }
            MediaStream stream = call.streams.get(index);
            if (stream != null || !open) {
                return stream;
            }
            stream = open(call);
            call.streams.set(index, stream);
            return stream;
        }
    }

    private MediaStream open(MediaCall call) {
        int callerPort = openablePair(call);
        if (callerPort < 0) {
            return null;
        }
        int calleePort = openablePair(call);
        if (calleePort < 0) {
            ports.giveBack(callerPort);
            return null;
        }
        MediaStream stream = new MediaStream(call, counters, clock, callerPort, calleePort);
        for (Side side : Side.values()) {
            MediaStream.Leg leg = stream.leg(side);
            try {
                leg.rtp = sockets.open(leg.rtpPort, call.affinity, (source, datagram) -> leg.received(false, source,
                        datagram));
                leg.rtcp = sockets.open(leg.rtpPort + 1, call.affinity, (source, datagram) -> leg.received(true,
                        source, datagram));
            } catch (IOException e) {
                // taken between the probe and now: give the stream up
                LOG.warn("RTP relay: port {} or {} could not be opened for call {}: {}", leg.rtpPort, leg.rtpPort + 1,
                        call.callId, e.getMessage());
                close(stream);
                return null;
            }
        }
        return stream;
    }

    /**
     * A pair whose two ports can be bound now, probed by binding and closing them; pairs another
     * program holds are skipped (and taken again only after the range has gone round).
     */
    private int openablePair(MediaCall call) {
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = ports.take();
            if (port < 0) {
                return -1;
            }
            if (sockets.bindable(port) && sockets.bindable(port + 1)) {
                return port;
            }
            LOG.debug("RTP relay: port {} or {} is held by another program; call {} takes the next pair", port,
                    port + 1, call.callId);
            ports.giveBack(port);
        }
        return -1;
    }

    /** The offer and the answer of a call as the relay rewrote them: each names the ports facing its receiver. */
    public record Anchored(byte[] offer, byte[] answer) {
    }

    /**
     * Anchors a whole call at once, as a load generator does without SIP: {@code offer} from the
     * caller, {@code answer} from the callee, both rewritten to name {@code advertised}; the call is
     * answered. {@code null} when the port range is used up.
     *
     * @throws IllegalArgumentException if an SDP is malformed
     */
    public Anchored anchorCall(String callId, byte[] offer, byte[] answer, InetAddress advertised) {
        MediaCall call = begin(callId, "caller");
        byte[] towardCallee = anchor(call, Side.CALLER, SessionDescription.parse(offer), advertised, false);
        byte[] towardCaller = towardCallee == null ? null
                : anchor(call, Side.CALLEE, SessionDescription.parse(answer), advertised, true);
        if (towardCaller == null) {
            release(callId, "not anchored");
            return null;
        }
        answered(callId);
        return new Anchored(towardCallee, towardCaller);
    }

    /** Marks the call answered: from now on it times out after the media timeout without packets. */
    void answered(String callId) {
        MediaCall call = calls.get(callId);
        if (call != null) {
            call.answered = true;
            call.touch(clock.getAsLong());
        }
    }

    /** Frees the ports of call {@code callId}, if it is anchored ({@code why} for the log). */
    public void release(String callId, String why) {
        MediaCall call = calls.remove(callId);
        if (call == null) {
            return;
        }
        List<MediaStream> streams;
        synchronized (call.streams) {
            streams = new ArrayList<>(call.streams);
        }
        for (MediaStream stream : streams) {
            if (stream != null) {
                close(stream);
            }
        }
        LOG.debug("RTP relay: call {} {}: {}", callId, why, call.summary());
    }

    private void close(MediaStream stream) {
        for (Side side : Side.values()) {
            MediaStream.Leg leg = stream.leg(side);
            AtomicInteger open = new AtomicInteger(2);
            Runnable closed = () -> {
                if (open.decrementAndGet() == 0) {
                    ports.giveBack(leg.rtpPort);
                }
            };
            closeOrRun(leg.rtp, closed);
            closeOrRun(leg.rtcp, closed);
        }
    }

    private static void closeOrRun(MediaSocket socket, Runnable closed) {
        if (socket == null) {
            closed.run();
        } else {
            socket.close(closed);
        }
    }

    /**
     * Frees the calls whose media stopped: an answered call without a packet for {@code timeout}
     * (logged and counted), an unanswered one without a packet or an SDP for {@code timeout} or
     * {@link #UNANSWERED_LIMIT}, whichever is longer (its end was missed).
     */
    public void sweep(Duration timeout) {
        long now = clock.getAsLong();
        long answeredLimit = timeout.toNanos();
        long unansweredLimit = Math.max(answeredLimit, UNANSWERED_LIMIT.toNanos());
        for (MediaCall call : calls.values()) {
            long idle = now - call.lastActivityNanos();
            if (call.answered && idle > answeredLimit) {
                counters.timeouts.increment();
                LOG.info("RTP relay: call {} sent no media for {} s; its relay ports are freed", call.callId,
                        Duration.ofNanos(idle).toSeconds());
                release(call.callId, "timed out");
            } else if (!call.answered && idle > unansweredLimit) {
                LOG.info("RTP relay: call {} neither answered nor ended after {} s; its relay ports are freed",
                        call.callId, Duration.ofNanos(idle).toSeconds());
                release(call.callId, "not answered");
            }
        }
    }

    /** Relay ports in use now. */
    public int portsInUse() {
        return ports.inUse();
    }

    /** Calls anchored now. */
    public int calls() {
        return calls.size();
    }

    /** The counters. */
    public RelayCounters counters() {
        return counters;
    }
}
