package org.switchboard.core.transport.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.log.RateLimitedLog;

/**
 * Logs failed TLS handshakes (an old protocol version, no shared cipher, a missing or untrusted
 * client certificate) so that an admin sees why a phone cannot connect: at most one line a minute,
 * each occurrence at debug level. The {@link io.netty.handler.ssl.SslHandler} closes the connection
 * itself. Sharable: one instance serves every TLS connection.
 */
@io.netty.channel.ChannelHandler.Sharable
final class TlsHandshakeLog extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(TlsHandshakeLog.class);

    private final RateLimitedLog failures = RateLimitedLog.of(LOG, RateLimitedLog.Level.INFO,
            "TLS handshakes failed", Duration.ofMinutes(1));

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            failures.occurred(() -> "with " + ctx.channel().remoteAddress() + ": " + done.cause().getMessage());
        }
        super.userEventTriggered(ctx, evt);
    }
}
