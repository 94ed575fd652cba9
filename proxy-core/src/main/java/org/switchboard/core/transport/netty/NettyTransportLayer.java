package org.switchboard.core.transport.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.DatagramTap;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessageHandler;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.MessageTrace;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.SourceFilter;
import org.switchboard.core.transport.TraceEntry;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.TransportStats;

/**
 * The SIP transports on Netty: UDP, TCP and TLS (once {@linkplain #enableTls enabled}) over IPv4 and IPv6, on native epoll where available and
 * NIO otherwise. Reads messages from the listen points and client connections and hands well-formed
 * ones to the {@link InboundMessageHandler}; sends requests and responses as {@link SipSender}.
 *
 * <p>Lifecycle: construct, {@link #start()} once (binds every listen point, blocking the caller until
 * done), {@link #stop()} (closes everything, blocking until done). Neither may be called on an event
 * loop. The send methods, {@link #stats()}, {@link #trace()} and the accessors are thread-safe and
 * never block; the handler is called on the event loop that read the message; transport errors reach
 * their listener on an event loop, never from within the send call.
 */
public final class NettyTransportLayer implements SipSender {
    private static final Logger log = LoggerFactory.getLogger(NettyTransportLayer.class);
    /** Larger than any UDP payload, so that no datagram is cut short. */
    private static final int MAX_DATAGRAM_SIZE = 65_536;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /**
     * UDP socket buffers: the default (about 200 KiB) overflows under a burst of a few thousand
     * requests a second or a collector pause, and every lost request costs the phone a T1 wait.
     * The kernel caps the value at net.core.rmem_max / wmem_max.
     */
    private static final int UDP_SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 5;
    /** Datagrams written before a flush is forced even while more work is queued. */
    private static final int MAX_CONSOLIDATED_FLUSHES = 64;

    private final TransportConfig config;
    private final IoMode ioMode;
    private final MultiThreadIoEventLoopGroup group;
    private final TransportStats stats = new TransportStats();
    private final MessageTrace trace;
    private final MessageReceiver receiver;
    private final ConnectionRegistry registry;
    private final SourceGate gate;
    private final UdpSockets udpSockets = new UdpSockets();
    private final RouteSources routeSources = new RouteSources();
    private final DatagramClaims claims = new DatagramClaims();
    private final Bootstrap streamClient;
    private final StreamConnector tcpConnector;
    private final TlsHandshakeLog handshakeLog = new TlsHandshakeLog();
    private volatile TlsContexts tls;
    private volatile StreamConnector tlsConnector;
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();
    private final List<ListenPoint> bound = new CopyOnWriteArrayList<>();
    private volatile MulticastListener multicast;
    private boolean started;

    /** Creates the event loops (their threads start on first use); binds nothing yet. */
    public NettyTransportLayer(TransportConfig config, InboundMessageHandler handler) {
        this.config = config;
        this.ioMode = IoMode.select(config.preferEpoll());
        this.group = new MultiThreadIoEventLoopGroup(
                config.eventLoopThreads() > 0 ? config.eventLoopThreads() : Runtime.getRuntime().availableProcessors(),
                ioMode.handlerFactory());
        this.trace = new MessageTrace(config.traceCapacity());
        this.receiver = new MessageReceiver(handler, this, stats, trace);
        this.registry = new ConnectionRegistry(config.maxConnections(), config.maxConnectionsPerSource());
        this.gate = new SourceGate(stats);
        this.streamClient = new Bootstrap()
                .group(group)
                .channelFactory(ioMode::newClientChannel)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
        this.tcpConnector = new StreamConnector(Transport.TCP,
                streamClient.clone().handler(streamPipeline(Transport.TCP, false)), registry);
    }

    /**
     * Makes TLS available (RFC 3261 §26.3.1): TLS listen points accept connections with the server
     * context, and requests to a TLS destination without an open connection open one with the client
     * context. Both are asked for each new connection. Call before {@link #start()}; without it a TLS
     * listen point fails the start.
     */
    public synchronized void enableTls(TlsContexts contexts) {
        if (started) {
            throw new IllegalStateException("TLS must be enabled before the transports start");
        }
        this.tls = Objects.requireNonNull(contexts, "contexts");
        this.tlsConnector = new StreamConnector(Transport.TLS,
                streamClient.clone().handler(streamPipeline(Transport.TLS, false)), registry);
    }

    /**
     * Drops, unread and unanswered, the datagrams, connections and stream messages of the sources
     * {@code filter} blocks, and exempts those it trusts from the per-source connection limit. May
     * be called at any time; applies to what arrives afterwards.
     */
    public void filterSources(SourceFilter filter) {
        gate.set(filter);
    }

    /**
     * Offers the non-SIP datagrams of the SIP UDP sockets to {@code claim} before the codec (the
     * datagram demultiplexer). May be called at any time; applies to what arrives afterwards.
     */
    public void claimDatagrams(DatagramTap claim) {
        claims.add(Objects.requireNonNull(claim, "claim"));
    }

    /**
     * Also listens on a SIP multicast group once started: the group socket is bound after the listen
     * points, and a UDP listen point that takes IPv4 on the group's port shares it (SO_REUSEPORT; the
     * port must still be free of other sockets, which is checked before anything is bound).
     * Responses to requests from the group leave from a unicast socket (RFC 3261 §18.2.2). Call
     * before {@link #start()}.
     */
    public synchronized void enableMulticast(MulticastConfig multicastConfig) {
        if (started) {
            throw new IllegalStateException("Multicast must be enabled before the transports start");
        }
        this.multicast = new MulticastListener(multicastConfig);
    }

    /**
     * Binds all listen points of the configuration, then the multicast group if enabled. Every UDP
     * socket that will share its port with the group is probed first, before anything is bound (see
     * {@link PortProbe}). With NIO, which cannot make an IPv6 socket IPv6-only, an IPv4 wildcard that
     * clashes with a bound IPv6 wildcard on the same port is left to that dual-stack socket.
     *
     * @throws IOException if a listen point cannot be bound; whatever was bound is closed again
     */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("Transports already started");
        }
        started = true;
        log.info("SIP transports use {} with {} event loop threads", ioMode, eventLoops().size());
        List<ListenPoint> ordered = new ArrayList<>(config.listenPoints());
        ordered.sort(Comparator.comparing(lp -> !isWildcard(lp) || !lp.isIpv6())); // IPv6 wildcards first
        try {
            probeSharedPorts(ordered);
            for (ListenPoint lp : ordered) {
                bind(lp);
            }
            if (multicast != null) {
                multicast.start(group, ioMode, receiver);
            }
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Probes every UDP listen point that will share the multicast group's port, and the group's own
     * address, while none of our sockets is bound yet: a probe must find only foreign sockets.
     */
    private void probeSharedPorts(List<ListenPoint> points) throws IOException {
        MulticastListener m = multicast;
        if (m == null) {
            return;
        }
        for (ListenPoint lp : points) {
            if (sharesMulticastPort(lp)) {
                try {
                    PortProbe.requireFree(ioMode, udpBootstrap(lp, false), lp.address());
                } catch (IOException e) {
                    throw new IOException("Cannot listen on " + lp + ": " + e.getMessage(), e);
                }
            }
        }
        ListenPoint groupPoint = new ListenPoint(Transport.UDP, m.groupAddress());
        try {
            PortProbe.requireFree(ioMode, udpBootstrap(groupPoint, false), groupPoint.address());
        } catch (IOException e) {
            throw new IOException("Cannot listen on multicast SIP " + Addresses.format(m.groupAddress()) + ": "
                    + e.getMessage(), e);
        }
    }

    private void bind(ListenPoint lp) throws IOException {
        ChannelFuture future = switch (lp.transport()) {
            case UDP -> udpBootstrap(lp, sharesMulticastPort(lp)).bind(lp.address());
            case TCP -> tcpBootstrap(lp).bind(lp.address());
            case TLS -> {
                if (tls == null) {
                    throw new IOException("Cannot listen on " + lp + ": TLS has no certificate");
                }
                yield tcpBootstrap(lp).bind(lp.address());
            }
            default -> throw new IOException("Cannot listen on " + lp + ": transport " + lp.transport()
                    + " is not available");
        };
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            if (future.cause() instanceof BindException && servedByDualStack(lp)) {
                log.info("Not binding {} separately: the IPv6 wildcard socket on that port takes IPv4 too", lp);
                return;
            }
            throw new IOException("Cannot listen on " + lp + ": " + future.cause().getMessage(), future.cause());
        }
        Channel channel = future.channel();
        listeners.add(channel);
        if (lp.transport() == Transport.UDP) {
            udpSockets.add(channel, lp.isIpv6() && isWildcard(lp) && ioMode.ipv6OnlyOption() == null);
        }
        ListenPoint actual = new ListenPoint(lp.transport(), (InetSocketAddress) channel.localAddress());
        bound.add(actual);
        log.info("Listening on {}", actual);
    }

    private boolean servedByDualStack(ListenPoint lp) {
        if (ioMode.ipv6OnlyOption() != null || lp.isIpv6() || !isWildcard(lp)) {
            return false;
        }
        return bound.stream().anyMatch(b -> b.transport() == lp.transport() && b.isIpv6() && isWildcard(b)
                && b.address().getPort() == lp.address().getPort());
    }

    private static boolean isWildcard(ListenPoint lp) {
        return lp.address().getAddress().isAnyLocalAddress();
    }

    private static SocketProtocolFamily family(ListenPoint lp) {
        return lp.isIpv6() ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    /**
     * Whether a UDP listen point takes IPv4 datagrams on the multicast group's port, so that it and
     * the group socket must share the port. An IPv6-only socket does not: IPv4 and IPv6 ports are
     * separate then, and it is bound without SO_REUSEPORT.
     */
    private boolean sharesMulticastPort(ListenPoint lp) {
        MulticastListener m = multicast;
        boolean takesIpv4 = !lp.isIpv6() || (isWildcard(lp) && ioMode.ipv6OnlyOption() == null);
        return m != null && lp.transport() == Transport.UDP && lp.address().getPort() == m.port() && takesIpv4;
    }

    private Bootstrap udpBootstrap(ListenPoint lp, boolean reusePort) {
        SocketProtocolFamily family = family(lp);
        Bootstrap b = new Bootstrap()
                .group(group)
                .channelFactory(() -> ioMode.newDatagramChannel(family))
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_SIZE))
                .option(ChannelOption.SO_RCVBUF, UDP_SOCKET_BUFFER_BYTES)
                .option(ChannelOption.SO_SNDBUF, UDP_SOCKET_BUFFER_BYTES)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        // responses are sent one at a time from tasks; flushing them together once
                        // the loop's queued work is done lets epoll send a batch in one sendmmsg
                        channel.pipeline().addLast(new FlushConsolidationHandler(MAX_CONSOLIDATED_FLUSHES, true),
                                new SipDatagramHandler(receiver, gate, routeSources, claims));
                    }
                });
        if (lp.isIpv6() && ioMode.ipv6OnlyOption() != null) {
            b.option(ioMode.ipv6OnlyOption(), 1);
        }
        if (!lp.isIpv6() && ioMode.ownGroupsOnlyOption() != null) {
            b.option(ioMode.ownGroupsOnlyOption(), false);
        }
        if (isWildcard(lp) && !lp.isIpv6() && ioMode.arrivalAddressOption() != null) {
            b.option(ioMode.arrivalAddressOption(), true);
        }
        if (reusePort) {
            b.option(ioMode.reusePortOption(), true);
        }
        return b;
    }

    private ServerBootstrap tcpBootstrap(ListenPoint lp) {
        SocketProtocolFamily family = family(lp);
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channelFactory(() -> ioMode.newServerChannel(family))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(streamPipeline(lp.transport(), true));
        if (lp.isIpv6() && ioMode.ipv6OnlyOption() != null) {
            b.option(ioMode.ipv6OnlyOption(), 1);
        }
        return b;
    }

    /**
     * The pipeline of a stream connection; over TLS the {@link io.netty.handler.ssl.SslHandler} goes
     * first, with the context current when the connection is made, so that the SIP framing reads the
     * decrypted stream.
     */
    private ChannelInitializer<Channel> streamPipeline(Transport transport, boolean inbound) {
        long idleMillis = config.idleTimeout().toMillis();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (transport == Transport.TLS) {
                    TlsContexts contexts = tls;
                    ch.pipeline().addLast((inbound ? contexts.server() : contexts.client()).newHandler(ch.alloc()),
                            handshakeLog);
                }
                ch.pipeline().addLast(
                        new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                        new SipStreamDecoder(config.maxStreamMessageSize()),
                        new ConnectionTracker(registry, transport, stats, gate, config.firstMessageTimeout()),
                        new SipStreamHandler(transport, receiver));
            }
        };
    }

    /** Closes all sockets and connections and stops the event loops; returns when they are done. */
    public synchronized void stop() {
        if (multicast != null) {
            multicast.stop();
        }
        for (Channel channel : listeners) {
            channel.close().awaitUninterruptibly();
        }
        listeners.clear();
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        log.info("SIP transports stopped");
    }

    /** The listen points actually bound, with the ports the system chose for port 0. */
    public List<ListenPoint> boundListenPoints() {
        return List.copyOf(bound);
    }

    /** The bound listen point of a transport and address family, or {@code null}. */
    public ListenPoint boundListenPoint(Transport transport, boolean ipv6) {
        for (ListenPoint lp : bound) {
            if (lp.transport() == transport && lp.isIpv6() == ipv6) {
                return lp;
            }
        }
        return null;
    }

    /** The event loops doing the I/O, so that other layers can run their work on the same threads. */
    public List<EventLoop> eventLoops() {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
        return List.copyOf(loops);
    }

    /**
     * Datagrams on the multicast group dropped without an answer (malformed, responses, requests
     * no filter accepted); 0 if multicast is not enabled.
     */
    public long multicastDrops() {
        MulticastListener m = multicast;
        return m == null ? 0 : m.drops();
    }

    /** Whether native epoll is in use (else NIO). */
    public boolean usesEpoll() {
        return ioMode == IoMode.EPOLL;
    }

    public TransportStats stats() {
        return stats;
    }

    /** The recent messages sent and received. */
    public MessageTrace trace() {
        return trace;
    }

    /** The number of open stream connections. */
    public int openConnections() {
        return registry.size();
    }

    @Override
    public void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError) {
        stats.recordRequestOut(request.method());
        byte[] bytes = request.encode();
        if (destination.transport() == Transport.UDP && bytes.length > config.mtuThreshold()) {
            sendLargeRequestOverTcp(request, bytes, destination, onError);
            return;
        }
        send(request, request.callId(), bytes, destination, null, onError);
    }

    /**
     * RFC 3261 §18.1.1: a request within 200 bytes of the path MTU goes over TCP, with the Via saying
     * so; if the TCP connection cannot be made, it is sent over UDP after all.
     */
    private void sendLargeRequestOverTcp(SipRequest request, byte[] udpBytes, Destination destination,
                                         TransportErrorListener onError) {
        Via top = request.topVia();
        SipRequest overTcp = top == null ? request
                : ViaReceivedFixup.replaceTopVia(request.toBuilder(),
                        new Via(Transport.TCP.viaName(), top.host(), top.port(), top.params())).build();
        Destination tcp = Destination.of(Transport.TCP, destination.address());
        log.debug("Sending {} bytes {} to {} over TCP instead of UDP", udpBytes.length, request.method(),
                destination);
        send(overTcp, request.callId(), overTcp.encode(), tcp, null, cause -> {
            log.debug("TCP to {} failed ({}); sending {} over UDP", tcp, cause.toString(), request.method());
            send(request, request.callId(), udpBytes, destination, null, onError);
        });
    }

    @Override
    public EncodedResponse encodeResponse(SipResponse response, Flow requestFlow) {
        byte[] bytes = response.encode();
        try {
            Via via = response.topVia();
            if (via == null) {
                return EncodedResponse.unroutable(bytes, response.statusCode(), response.callId(),
                        new IOException("Response has no Via"));
            }
            Destination destination = sharingAddress(ResponseRoute.of(via, requestFlow), requestFlow);
            return EncodedResponse.routed(bytes, response.statusCode(), response.callId(), destination,
                    requestFlow.local());
        } catch (SipParseException | UnknownHostException e) {
            return EncodedResponse.unroutable(bytes, response.statusCode(), response.callId(), e);
        }
    }

    /**
     * The destination with the flow's remote address object when it is the same address, as it
     * usually is, so that a transaction keeping both the flow and the response keeps one address.
     */
    private static Destination sharingAddress(Destination destination, Flow requestFlow) {
        return destination.address().equals(requestFlow.remote())
                ? new Destination(destination.transport(), requestFlow.remote(), destination.connectionId())
                : destination;
    }

    @Override
    public void sendResponse(EncodedResponse response, TransportErrorListener onError) {
        stats.recordResponseOut(response.statusCode());
        Destination destination = response.destination();
        if (destination == null) {
            fail(response, "nowhere", response.routeFailure(), onError);
            return;
        }
        send(response, response.callId(), response.bytes(), destination, response.localAddress(), onError);
    }

    /**
     * Sends the bytes of a message.
     *
     * @param subject the request or encoded response sent, named in the log if sending fails
     * @param callId the message's Call-ID, for the trace
     * @param udpLocal for UDP, the local socket to send from if possible
     */
    private void send(Object subject, String callId, byte[] bytes, Destination destination,
                      InetSocketAddress udpLocal, TransportErrorListener onError) {
        switch (destination.transport()) {
            case UDP -> sendDatagram(subject, callId, bytes, destination, udpLocal, onError);
            case TCP -> sendStream(tcpConnector, subject, callId, bytes, destination, onError);
            case TLS -> {
                StreamConnector connector = tlsConnector;
                if (connector == null) {
                    fail(subject, destination.toString(), new IOException("Transport TLS is not enabled"), onError);
                } else {
                    sendStream(connector, subject, callId, bytes, destination, onError);
                }
            }
            default -> fail(subject, destination.toString(),
                    new IOException("Transport " + destination.transport() + " is not available"), onError);
        }
    }

    private void sendDatagram(Object subject, String callId, byte[] bytes, Destination destination,
                              InetSocketAddress preferredLocal, TransportErrorListener onError) {
        InetSocketAddress target = destination.address();
        Channel channel = udpSockets.forSending(preferredLocal, target);
        if (channel == null) {
            String family = target.getAddress() instanceof Inet6Address ? "IPv6" : "IPv4";
            fail(subject, destination.toString(), new IOException("No UDP socket for " + family), onError);
            return;
        }
        traceOut(callId, bytes, Transport.UDP, channel, target);
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), target)).addListener(f -> {
            if (f.isSuccess()) {
                stats.recordMessageOut(Transport.UDP);
            } else {
                fail(subject, destination.toString(), f.cause(), onError);
            }
        });
    }

    private void sendStream(StreamConnector connector, Object subject, String callId, byte[] bytes,
                            Destination destination, TransportErrorListener onError) {
        connector.connectionTo(destination.address(), destination.connectionId()).addListener(connected -> {
            if (!connected.isSuccess()) {
                fail(subject, destination.toString(), connected.cause(), onError);
                return;
            }
            Channel channel = (Channel) connected.getNow();
            traceOut(callId, bytes, destination.transport(), channel, (InetSocketAddress) channel.remoteAddress());
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(f -> {
                if (f.isSuccess()) {
                    stats.recordMessageOut(destination.transport());
                } else {
                    fail(subject, destination.toString(), f.cause(), onError);
                }
            });
        });
    }

    /** Traces a message as it is handed to the socket, so that the trace shows it before any answer. */
    private void traceOut(String callId, byte[] bytes, Transport transport, Channel channel,
                          InetSocketAddress remote) {
        trace.record(TraceEntry.Direction.OUT, transport, (InetSocketAddress) channel.localAddress(), remote,
                callId, bytes);
    }

    /**
     * Counts and logs a failed send and tells the listener, never from within the send call: on the
     * caller's event loop if it is one of ours, else on any of them.
     */
    private void fail(Object subject, String destination, Throwable cause, TransportErrorListener onError) {
        stats.recordSendFailure();
        log.debug("Could not send {} to {}: {}", describe(subject), destination, cause.toString());
        Runnable notify = () -> {
            try {
                onError.onTransportError(cause);
            } catch (RuntimeException e) {
                log.warn("Transport error listener failed", e);
            }
        };
        try {
            currentOrAnyLoop().execute(notify);
        } catch (RejectedExecutionException e) {
            notify.run(); // the loops are shutting down
        }
    }

    private EventExecutor currentOrAnyLoop() {
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return loop;
            }
        }
        return group.next();
    }

    private static String describe(Object subject) {
        return subject instanceof SipRequest r ? r.method() : subject.toString();
    }
}
