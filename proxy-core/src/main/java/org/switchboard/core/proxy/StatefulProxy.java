package org.switchboard.core.proxy;

import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.switchboard.core.cdr.CallRecordListener;
import org.switchboard.core.cdr.CallRecorder;
import org.switchboard.core.dns.CachingDnsLookup;
import org.switchboard.core.dns.DnsLookup;
import org.switchboard.core.dns.DnsjavaLookup;
import org.switchboard.core.dns.NextHopResolver;
import org.switchboard.core.dns.SipServerLocator;
import org.switchboard.core.spi.chain.ProcessorStages;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transaction.TransactionUser;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;

/**
 * The forwarding proxy assembled from its parts: the request chain that ends in stateful
 * forwarding, and the transaction user that also forwards ACKs for 2xx and stray 2xx responses.
 * Built once at start, after the sockets are bound.
 *
 * <p>Threading: build on the starting thread; the parts run on the shards, the DNS executor and the
 * blocking executor.
 */
public final class StatefulProxy {
    private static final int DNS_CACHE_ENTRIES = 10_000;
    private static final long DNS_MAX_TTL_SECONDS = 3600;
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(3);
    private static final long DNS_NEGATIVE_TTL_SECONDS = 60;

    private final ProxyServices services;
    private final LocalAddresses local;
    private final ProxyContexts contexts = new ProxyContexts();
    private final ProxyCore core;
    private final StatelessForwarder stateless;
    private final Supplier<TransactionLayer> transactions;
    private final Executor blockingExecutor;
    private final SenderTrust trust;
    private final CallRecorder calls;

    /**
     * @param local the addresses that name this server
     * @param bound the bound listen points, for Via and Record-Route
     * @param sender the transports
     * @param transactions the transaction layer, created after the chain
     * @param dnsExecutor where DNS queries block
     * @param blockingExecutor where authentication and call records block
     * @throws SocketException if the network interfaces cannot be listed
     */
    public StatefulProxy(ProxyServices services, LocalAddresses local, List<ListenPoint> bound, SipSender sender,
            Supplier<TransactionLayer> transactions, Executor dnsExecutor, Executor blockingExecutor, Clock clock)
            throws SocketException {
        this.services = services;
        this.local = local;
        this.transactions = transactions;
        this.blockingExecutor = blockingExecutor;
        ProxySettings settings = services.settings();
        DnsLookup dns = services.dns() != null ? services.dns() : new DnsjavaLookup(DNS_TIMEOUT, DNS_NEGATIVE_TTL_SECONDS);
        NextHops nextHops = new NextHops(new NextHopResolver(new SipServerLocator(
                new CachingDnsLookup(dns, clock, DNS_CACHE_ENTRIES, DNS_MAX_TTL_SECONDS),
                reachable(bound)), dnsExecutor));
        LocalEndpoints endpoints = new LocalEndpoints(bound, settings.advertisedHost());
        UnavailableHosts unavailable = new UnavailableHosts(settings.unavailableHostTtl(),
                settings.unavailableHostCapacity(), clock);
        // call records listen to the call events; the recorder never blocks, so it runs on the publisher
        this.calls = services.callRecords() != null
                ? new CallRecorder(services.callRecords(), blockingExecutor, clock, settings.maxActiveCalls(),
                        CallRecorder.DEFAULT_MAX_CALL_DURATION)
                : new CallRecorder(record -> { }, Runnable::run, clock, settings.maxActiveCalls(),
                        CallRecorder.DEFAULT_MAX_CALL_DURATION);
        services.events().subscribe(SwitchboardEvent.CallEvent.class, Runnable::run, new CallRecordListener(calls));
        OwnHostHops ownHost = new OwnHostHops(OwnHost.discover(), bound, services.location());
        this.trust = new SenderTrust(services.domains(), settings.trustedSources(), services.authenticator() != null);
        this.core = new ProxyCore(transactions, nextHops, unavailable, new RequestForwarder(endpoints),
                new LoopDetection(), times(services), services.router(), sender, ownHost, services.events(), clock,
                new RelayPoint(services.hooks()), services.hooks().responses().toArray(new ResponseProcessor[0]));
        this.stateless = new StatelessForwarder(local, services.domains(), endpoints, nextHops, unavailable, ownHost,
                trust, sender, core.relay());
    }

    /** The transports next hops may be reached over: UDP and TCP, and TLS when it listens on TLS too. */
    private static Set<Transport> reachable(List<ListenPoint> bound) {
        return bound.stream().anyMatch(lp -> lp.transport() == Transport.TLS)
                ? Set.of(Transport.UDP, Transport.TCP, Transport.TLS) : Set.of(Transport.UDP, Transport.TCP);
    }

    /**
     * Where the proxy reads its timers: the live settings, one volatile read per call, or the fixed
     * values of {@link ProxyServices#settings()}. Fails here, at start, if the live settings lack the
     * section.
     */
    private static Supplier<ProxyTimes> times(ProxyServices services) {
        Settings live = services.live();
        if (live == null) {
            ProxyTimes fixed = ProxyTimes.of(services.settings());
            return () -> fixed;
        }
        live.current(ProxyTimes.SECTION);
        return () -> live.current(ProxyTimes.SECTION);
    }

    /** The request chain with {@code localProcessors} in the local stage and no other plugin processors. */
    public RequestChain chain(ServerCapabilities capabilities, List<RequestProcessor> localProcessors) {
        return chain(capabilities, ProcessorStages.local(localProcessors));
    }

    /** The request chain: core checks, the plugins' stages, authentication and forwarding. */
    public RequestChain chain(ServerCapabilities capabilities, ProcessorStages stages) {
        ProxyAuthentication authentication = services.authenticator() == null ? null
                : new ProxyAuthentication(services.authenticator(), trust, blockingExecutor);
        return CoreProcessors.proxyChain(local, services.domains(), capabilities, stages,
                new CancelResponder(cancel -> transactions.get().findInviteServerTransaction(cancel), contexts),
                new RelayCheck(services.domains(), local, trust), authentication,
                new RequestForwarding(core, contexts, local, trust));
    }

    /** The transaction user running {@code chain}, for the transaction layer. */
    public TransactionUser transactionUser(RequestChain chain, String serverHeader) {
        return new CoreTransactionUser(chain, serverHeader, contexts, new StrayMessageHandler() {
            @Override
            public void onAck(InboundMessage ack) {
                calls.acknowledged(ack.message().callId()); // the call is set up (RFC 3261 §13.2.2.4)
                stateless.onAck(ack);
            }

            @Override
            public void onStrayResponse(InboundMessage response) {
                stateless.onStrayResponse(response);
            }
        });
    }

    /** The INVITEs a CANCEL could still find, for tests. */
    int invitesInProgress() {
        return contexts.size();
    }

    /** The calls being followed for call records. */
    public CallRecorder callRecorder() {
        return calls;
    }
}
