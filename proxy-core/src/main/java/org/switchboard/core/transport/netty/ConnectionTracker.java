package org.switchboard.core.transport.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.TransportStats;

/**
 * Registers a stream connection when it becomes active (refusing it if too many are open), counts it,
 * and closes it when an {@link io.netty.handler.timeout.IdleStateHandler} reports it idle. One
 * instance per channel, on the channel's event loop.
 */
final class ConnectionTracker extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionTracker.class);

    private final ConnectionRegistry registry;
    private final TransportStats stats;
    private boolean registered;

    ConnectionTracker(ConnectionRegistry registry, TransportStats stats) {
        this.registry = registry;
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!registry.register(ctx.channel())) {
            if (registry.shouldWarnFull()) {
                log.warn("Refused connection with {}: {} connections are open, the configured maximum"
                        + " (further refusals within a minute are logged at debug level)",
                        ctx.channel().remoteAddress(), registry.size());
            } else {
                log.debug("Refused connection with {}: connection limit reached", ctx.channel().remoteAddress());
            }
            ctx.close();
            return;
        }
        registered = true;
        stats.recordConnectionOpened();
        log.debug("Connection #{} open: local {} remote {}", ConnectionRegistry.idOf(ctx.channel()),
                ctx.channel().localAddress(), ctx.channel().remoteAddress());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
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
