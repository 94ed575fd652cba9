package org.switchboard.core.stack;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.proxy.CoreProcessors;
import org.switchboard.core.proxy.CoreTransactionUser;
import org.switchboard.core.proxy.LocalAddresses;
import org.switchboard.core.proxy.RequestProcessor;
import org.switchboard.core.transaction.ExecutorShard;
import org.switchboard.core.transaction.Shard;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.netty.NettyTransportLayer;

/**
 * The assembled SIP server: Netty transports, the transaction layer sharded over the same event
 * loops, and the core transaction user with its request chain. Start and stop from one thread; the
 * stack's own work happens on its event loops.
 */
public final class SipStack {
    private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);

    private final SipStackConfig config;
    private final List<RequestProcessor> localProcessors;
    private final NettyTransportLayer transports;
    private volatile TransactionLayer transactions;
    private volatile LocalAddresses localAddresses;

    /**
     * @param localProcessors processors for requests addressed to the server itself (registrar,
     *     provisioning), run after the core checks and before routing
     */
    public SipStack(SipStackConfig config, List<RequestProcessor> localProcessors) {
        this.config = config;
        this.localProcessors = List.copyOf(localProcessors);
        this.transports = new NettyTransportLayer(config.transport(), this::dispatch);
    }

    private void dispatch(InboundMessage message) {
        // the chain needs the bound ports, so the transaction layer exists only once the sockets are
        // bound; a request in that instant is dropped and the sender retransmits it
        TransactionLayer layer = transactions;
        if (layer != null) {
            layer.onMessage(message);
        }
    }

    /** Binds the transports; on failure nothing stays bound. */
    public void start() throws IOException {
        List<Shard> shards = new ArrayList<>();
        for (EventLoop loop : transports.eventLoops()) {
            shards.add(new ExecutorShard(loop, loop::inEventLoop));
        }
        transports.start();
        localAddresses = LocalAddressDiscovery.discover(transports.boundListenPoints(), config.hostNames());
        var chain = CoreProcessors.chain(localAddresses, config.capabilities(), localProcessors);
        transactions = new TransactionLayer(shards, transports, config.timers(), config.limits(),
                new CoreTransactionUser(chain, config.serverHeader()));
        LOG.info("SIP stack ready: {} transaction shards, T1 {} ms, answering as {}", shards.size(),
                config.timers().t1Millis(), localAddresses.hosts());
    }

    public void stop() {
        transports.stop();
    }

    /** The sockets actually bound (ports chosen by the system for port 0). */
    public List<ListenPoint> boundListenPoints() {
        return transports.boundListenPoints();
    }

    public NettyTransportLayer transports() {
        return transports;
    }

    public TransactionLayer transactions() {
        return transactions;
    }

    public LocalAddresses localAddresses() {
        return localAddresses;
    }
}
