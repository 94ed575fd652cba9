package org.switchboard.core.stack;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.proxy.CoreProcessors;
import org.switchboard.core.proxy.CoreTransactionUser;
import org.switchboard.core.proxy.LocalAddresses;
import org.switchboard.core.proxy.ProxyServices;
import org.switchboard.core.proxy.RequestChain;
import org.switchboard.core.proxy.StatefulProxy;
import org.switchboard.core.spi.chain.ProcessorStages;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.transaction.ExecutorShard;
import org.switchboard.core.transaction.Shard;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transaction.TransactionUser;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.netty.NettyTransportLayer;

/**
 * The assembled SIP server: Netty transports, the transaction layer sharded over the same event
 * loops, and the core transaction user with its request chain — ending in the stateful forwarding
 * proxy when {@link ProxyServices} are given. Start and stop from one thread; the stack's own work
 * happens on its event loops, DNS and blocking work on two small executors.
 */
public final class SipStack {
    private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);

    private static final int DNS_THREADS = 2;
    private static final int BLOCKING_THREADS = 4;
    private static final int EXECUTOR_QUEUE = 1000;
    private static final int CALL_SWEEP_SECONDS = 10;

    private final SipStackConfig config;
    private final ProcessorStages stages;
    private final ProxyServices proxyServices;
    private final NettyTransportLayer transports;
    private final List<ExecutorService> ownExecutors = new ArrayList<>();
    private volatile TransactionLayer transactions;
    private volatile LocalAddresses localAddresses;
    private volatile StatefulProxy proxy;

    /**
     * A server without a proxy: requests not answered locally get 404.
     *
     * @param localProcessors processors for requests addressed to the server itself (registrar,
     *     provisioning), run after the core checks and before routing
     */
    public SipStack(SipStackConfig config, List<RequestProcessor> localProcessors) {
        this(config, localProcessors, null);
    }

    /**
     * A server that forwards what it does not answer itself, as a stateful forking proxy.
     *
     * @param localProcessors as above
     * @param proxyServices router, domains, authenticator, call record store and settings, or
     *     {@code null} for no proxy
     */
    public SipStack(SipStackConfig config, List<RequestProcessor> localProcessors, ProxyServices proxyServices) {
        this(config, ProcessorStages.local(localProcessors), proxyServices);
    }

    /**
     * A server with the plugins' processors by stage.
     *
     * @param stages the processors plugins contributed, by stage
     * @param proxyServices as above, or {@code null} for no proxy
     */
    public SipStack(SipStackConfig config, ProcessorStages stages, ProxyServices proxyServices) {
        this.config = config;
        this.stages = stages;
        this.proxyServices = proxyServices;
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
        Set<String> hostNames = new HashSet<>(config.hostNames());
        if (proxyServices != null && proxyServices.settings().advertisedHost() != null) {
            hostNames.add(proxyServices.settings().advertisedHost());
        }
        localAddresses = LocalAddressDiscovery.discover(transports.boundListenPoints(), hostNames);
        TransactionUser user;
        if (proxyServices == null) {
            var chain = CoreProcessors.chain(localAddresses, config.capabilities(), stages);
            user = new CoreTransactionUser(chain, config.serverHeader());
        } else {
            var blocking = proxyServices.blockingExecutor() != null ? proxyServices.blockingExecutor()
                    : ownExecutor("sip-blocking", BLOCKING_THREADS);
            proxy = new StatefulProxy(proxyServices, localAddresses, transports.boundListenPoints(), transports,
                    () -> transactions, ownExecutor("sip-dns", DNS_THREADS), blocking, Clock.systemUTC());
            StatefulProxy started = proxy;
            // calls whose end the proxy never sees are written and forgotten, not kept for ever
            transports.eventLoops().get(0).scheduleWithFixedDelay(() -> started.callRecorder().sweep(),
                    CALL_SWEEP_SECONDS, CALL_SWEEP_SECONDS, TimeUnit.SECONDS);
            RequestChain chain = proxy.chain(config.capabilities(), stages);
            user = proxy.transactionUser(chain, config.serverHeader());
        }
        transactions = new TransactionLayer(shards, transports, config.timers(), config.limits(), user);
        LOG.info("SIP stack ready: {} transaction shards, T1 {} ms, {}, answering as {}", shards.size(),
                config.timers().t1Millis(), proxy != null ? "proxying" : "no proxy", localAddresses.hosts());
    }

    /** A bounded pool of daemon threads; a full queue rejects work, which callers answer with 503. */
    private ExecutorService ownExecutor(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(EXECUTOR_QUEUE), task -> {
                    Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        ownExecutors.add(executor);
        return executor;
    }

    public void stop() {
        transports.stop();
        for (ExecutorService executor : ownExecutors) {
            executor.shutdownNow();
        }
    }

    /** The forwarding proxy, or {@code null} in a server without one or before start. */
    public StatefulProxy proxy() {
        return proxy;
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
