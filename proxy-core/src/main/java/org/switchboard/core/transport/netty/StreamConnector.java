package org.switchboard.core.transport.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.transport.Transport;

/**
 * Finds or opens the stream connection of one transport (TCP or TLS) to send on: the given connection if it is still open, else an
 * open one to the remote address, else a new one (one connect per remote address at a time).
 * Thread-safe; never blocks.
 */
final class StreamConnector {
    private final Transport transport;
    private final Bootstrap bootstrap;
    private final ConnectionRegistry registry;
    private final ConcurrentHashMap<InetSocketAddress, ChannelFuture> connecting = new ConcurrentHashMap<>();

    /** {@code bootstrap} must be fully configured for client connections with the stream pipeline. */
    StreamConnector(Transport transport, Bootstrap bootstrap, ConnectionRegistry registry) {
        this.transport = transport;
        this.bootstrap = bootstrap;
        this.registry = registry;
    }

    /**
     * The connection to write on; the future completes on the connection's event loop.
     *
     * @param connectionId a connection to prefer, or 0
     */
    Future<Channel> connectionTo(InetSocketAddress remote, long connectionId) {
        Channel open = registry.open(connectionId, transport);
        if (open == null) {
            open = registry.openTo(transport, remote);
        }
        if (open != null) {
            return open.eventLoop().newSucceededFuture(open);
        }
        ChannelFuture pending = connecting.get(remote);
        if (pending == null) {
            if (!registry.hasRoom()) {
                return bootstrap.config().group().next().newFailedFuture(new IOException("Cannot connect to " + remote + ": "
                        + registry.size() + " connections are open, the configured maximum"));
            }
            ChannelFuture created = bootstrap.connect(remote);
            pending = connecting.putIfAbsent(remote, created);
            if (pending == null) {
                pending = created;
                // Netty completes the connect future before it fires channelActive, which is where the
                // registry learns of the connection: forget the pending connect only after that, or a
                // send in between would open a second connection
                created.addListener(f -> created.channel().eventLoop().execute(() -> connecting.remove(remote, created)));
            } else {
                created.channel().close();
            }
        }
        return toChannelFuture(pending);
    }

    private static Future<Channel> toChannelFuture(ChannelFuture connect) {
        EventLoop loop = connect.channel().eventLoop();
        Promise<Channel> promise = loop.newPromise();
        connect.addListener(f -> {
            if (f.isSuccess()) {
                promise.trySuccess(connect.channel());
            } else {
                promise.tryFailure(f.cause());
            }
        });
        return promise;
    }
}
