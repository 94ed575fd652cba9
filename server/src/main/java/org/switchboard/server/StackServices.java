package org.switchboard.server;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.proxy.ProxyHooks;
import org.switchboard.core.spi.chain.ProcessorStages;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.datagram.DatagramClaim;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.route.RouterFactory;
import org.switchboard.core.spi.service.ActiveCall;
import org.switchboard.core.spi.service.ActiveCallsService;
import org.switchboard.core.spi.service.MessageTraceService;
import org.switchboard.core.spi.service.TracedMessage;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.TraceView;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.plugin.RegistrationWindow;

/**
 * The SIP services plugins get: collects their processors and multicast filters while they start,
 * which {@link SipStackComponent} then builds the stack with, and forwards sends to the stack
 * once it runs. Thread-safe.
 */
final class StackServices implements RegistrationWindow {
    private final ProcessorStages.Builder processors = ProcessorStages.builder();
    private final List<Predicate<SipRequest>> multicastFilters = new CopyOnWriteArrayList<>();
    private final List<DatagramClaim> datagramClaims = new CopyOnWriteArrayList<>();
    private final List<TargetProcessor> targetProcessors = new CopyOnWriteArrayList<>();
    private final List<ResponseProcessor> responseProcessors = new CopyOnWriteArrayList<>();
    private final List<RelayHook> relayHooks = new CopyOnWriteArrayList<>();
    private final EventBus events;
    private volatile ReachPolicy reachPolicy = ReachPolicy.STANDARD;
    private volatile boolean reachDecided;
    private volatile boolean registrationOpen = true;
    private RouterFactory routerFactory;
    private volatile SipStack running;
    private final Optional<InetSocketAddress> soleListenAddress;

    /**
     * @param events the server's event bus, handed to plugins
     * @param soleListenAddress the one specific address and the SIP port the server is configured
     *     to listen on, if it is configured with exactly one
     */
    StackServices(EventBus events, Optional<InetSocketAddress> soleListenAddress) {
        this.events = events;
        this.soleListenAddress = soleListenAddress;
    }

    @Override
    public Optional<InetSocketAddress> soleListenAddress() {
        return soleListenAddress;
    }

    @Override
    public EventBus events() {
        return events;
    }

    @Override
    public void claimDatagrams(DatagramClaim claim) {
        requireOpen();
        datagramClaims.add(claim);
    }

    @Override
    public void addTargetProcessor(TargetProcessor processor) {
        requireOpen();
        targetProcessors.add(processor);
    }

    @Override
    public void addResponseProcessor(ResponseProcessor processor) {
        requireOpen();
        responseProcessors.add(processor);
    }

    @Override
    public synchronized void routeWith(RouterFactory factory) {
        requireOpen();
        if (routerFactory != null) {
            throw new IllegalStateException("Another plugin already decides the routes");
        }
        routerFactory = factory;
    }

    /** The router a plugin made from {@code local}, or {@code local} if no plugin set one. */
    synchronized Router router(Router local, DomainCatalog domains) {
        return routerFactory == null ? local : routerFactory.create(local, domains);
    }

    @Override
    public void addRelayHook(RelayHook hook) {
        requireOpen();
        relayHooks.add(hook);
    }

    @Override
    public synchronized void decideReach(ReachPolicy policy) {
        requireOpen();
        if (reachDecided) {
            throw new IllegalStateException("Another plugin decides how registered contacts are reached already");
        }
        reachPolicy = Objects.requireNonNull(policy, "policy");
        reachDecided = true;
    }

    /**
     * The reach policy for the registrar, which starts before the plugins: asks the one a plugin
     * decided on, else {@link ReachPolicy#STANDARD}.
     */
    ReachPolicy reachPolicy() {
        return (register, aor, flow, contact, outboundFlow) -> reachPolicy.reach(register, aor, flow, contact,
                outboundFlow);
    }

    /** The target and response processors and relay hooks plugins added, in order. */
    ProxyHooks hooks() {
        return new ProxyHooks(targetProcessors, responseProcessors, relayHooks);
    }

    /** The datagram claims plugins added, in order. */
    List<DatagramClaim> datagramClaims() {
        return List.copyOf(datagramClaims);
    }

    @Override
    public synchronized void addProcessor(Stage stage, RequestProcessor processor) {
        requireOpen();
        processors.add(stage, processor);
    }

    @Override
    public void acceptOnMulticast(Predicate<SipRequest> filter) {
        requireOpen();
        multicastFilters.add(filter);
    }

    private void requireOpen() {
        if (!registrationOpen) {
            throw new IllegalStateException("SIP processors and filters can only be added while plugins start");
        }
    }

    @Override
    public void closeRegistration() {
        registrationOpen = false;
    }

    /** The processors plugins added, by stage, in order. */
    synchronized ProcessorStages processors() {
        return processors.build();
    }

    /** A request on the multicast group is taken if any plugin's filter takes it; empty if no plugin asked. */
    Optional<Predicate<SipRequest>> multicastFilter() {
        List<Predicate<SipRequest>> filters = List.copyOf(multicastFilters);
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request -> filters.stream().anyMatch(f -> f.test(request)));
    }

    /** The proxy's active calls once the stack runs; none before or after. Never blocks. */
    ActiveCallsService activeCalls() {
        return new ActiveCallsService() {
            @Override
            public List<ActiveCall> list() {
                SipStack stack = running;
                return stack == null ? List.of() : stack.proxy().callRecorder().list();
            }

            @Override
            public Optional<ActiveCall> find(String callId) {
                SipStack stack = running;
                return stack == null ? Optional.empty() : stack.proxy().callRecorder().find(callId);
            }
        };
    }

    /** The transports' message trace once the stack runs; empty before or after. Never blocks. */
    MessageTraceService messageTrace() {
        return new MessageTraceService() {
            @Override
            public List<TracedMessage> recent(int limit) {
                return trace().map(t -> t.recent(limit)).orElse(List.of());
            }

            @Override
            public List<TracedMessage> byCallId(String callId, int limit) {
                return trace().map(t -> t.byCallId(callId, limit)).orElse(List.of());
            }

            @Override
            public List<TracedMessage> byUser(String user, String domain, int limit) {
                return trace().map(t -> t.byUser(user, domain, limit)).orElse(List.of());
            }

            private Optional<TraceView> trace() {
                SipStack stack = running;
                return stack == null ? Optional.empty() : Optional.of(new TraceView(stack.transports().trace()));
            }
        };
    }

    void attach(SipStack stack) {
        running = stack;
    }

    void detach() {
        running = null;
    }

    @Override
    public ClientTransaction sendRequest(SipRequest request, Destination destination,
            ClientTransactionListener listener) {
        return stack().transactions().sendRequest(request, destination, listener);
    }

    @Override
    public int port(Transport transport) {
        SipStack stack = stack();
        ListenPoint lp = stack.transports().boundListenPoint(transport, false);
        if (lp == null) {
            lp = stack.transports().boundListenPoint(transport, true);
        }
        if (lp == null) {
            throw new IllegalStateException("The server does not listen on " + transport);
        }
        return lp.address().getPort();
    }

    private SipStack stack() {
        SipStack stack = running;
        if (stack == null) {
            throw new IllegalStateException("The SIP stack is not running");
        }
        return stack;
    }
}
