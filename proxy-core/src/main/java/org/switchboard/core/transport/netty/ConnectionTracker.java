package org.switchboard.core.transport.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.TransportStats;

/**
 * Admits a stream connection when it becomes active, counts it, and closes it when it should not
 * stay: a connection from a blocked source (at once, and at its next message if the source is
 * blocked later), one over the global or its source's connection limit (refused, counted, and logged
 * at most once a minute per kind as a warning), an inbound one that delivers no whole first message
 * in time, and one an {@link io.netty.handler.timeout.IdleStateHandler} reports idle. Sits after the
 * decoder, so it sees every framed message. One instance per channel, on the channel's event loop.
 */
final class ConnectionTracker extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionTracker.class);

    private final ConnectionRegistry registry;
    private final Transport transport;
    private final TransportStats stats;
    private final SourceGate gate;
    private final Duration firstMessageTimeout;
    private boolean registered;
    private ScheduledFuture<?> firstMessageTimer;

    ConnectionTracker(ConnectionRegistry registry, Transport transport, TransportStats stats, SourceGate gate,
            Duration firstMessageTimeout) {
        this.registry = registry;
        this.transport = transport;
        this.stats = stats;
        this.gate = gate;
        this.firstMessageTimeout = firstMessageTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // a server's child channel has its listening socket as parent; our own connections have none
        boolean inbound = ctx.channel().parent() != null;
        InetAddress source = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        if (inbound && gate.drops(source)) {
            ctx.close();
            return;
        }
        ConnectionRegistry.Admission admission = registry.register(ctx.channel(), transport,
                inbound && !gate.trusts(source));
        if (admission != ConnectionRegistry.Admission.ADMITTED) {
            refuse(ctx, admission, source);
            return;
        }
        registered = true;
        stats.recordConnectionOpened();
        log.debug("Connection #{} open: local {} remote {}", ConnectionRegistry.idOf(ctx.channel()),
                ctx.channel().localAddress(), ctx.channel().remoteAddress());
        if (inbound) {
            firstMessageTimer = ctx.executor().schedule(() -> closeWithoutFirstMessage(ctx),
                    firstMessageTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        super.channelActive(ctx);
    }

    private void refuse(ChannelHandlerContext ctx, ConnectionRegistry.Admission refusal, InetAddress source) {
        stats.recordConnectionRefused();
        String why = refusal == ConnectionRegistry.Admission.SOURCE_FULL
                ? source.getHostAddress() + " holds " + registry.inboundFrom(source)
                        + " connections, the most one address may hold"
                : registry.size() + " connections are open, the configured maximum";
        registry.refusals(refusal).occurred(() -> "from " + ctx.channel().remoteAddress() + ": " + why);
        ctx.close();
    }

    private void closeWithoutFirstMessage(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            stats.recordFirstMessageTimeout();
            log.debug("Closing connection #{} with {}: no whole SIP message within {} s of connecting",
                    ConnectionRegistry.idOf(ctx.channel()), ctx.channel().remoteAddress(),
                    firstMessageTimeout.toSeconds());
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (firstMessageTimer != null) {
            firstMessageTimer.cancel(false);
            firstMessageTimer = null;
        }
        if (registered && ctx.channel().parent() != null
                && gate.drops(((InetSocketAddress) ctx.channel().remoteAddress()).getAddress())) {
            ReferenceCountUtil.release(msg);
            log.debug("Closing connection #{} with {}: its address is banned", ConnectionRegistry.idOf(ctx.channel()),
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (firstMessageTimer != null) {
            firstMessageTimer.cancel(false);
            firstMessageTimer = null;
        }
        if (registered) {
            registered = false;
            stats.recordConnectionClosed();
            log.debug("Connection #{} with {} closed", ConnectionRegistry.idOf(ctx.channel()),
                    ctx.channel().remoteAddress());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            log.debug("Closing idle connection #{} with {}", ConnectionRegistry.idOf(ctx.channel()),
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
