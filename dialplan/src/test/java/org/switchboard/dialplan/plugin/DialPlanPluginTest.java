package org.switchboard.dialplan.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.datagram.DatagramClaim;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.spi.route.RouterFactory;
import org.switchboard.core.spi.service.ActiveCallsService;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.service.BindingsService;
import org.switchboard.core.spi.service.CallRecordsService;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.MessageTraceService;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * The plugin over a store: it sets the router at start from the stored plan, and a change in the
 * store reaches calls after the next poll without a restart.
 */
class DialPlanPluginTest {
    private static final String DOMAIN = "example.com";
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryDialPlanStore store = new InMemoryDialPlanStore();
    private final AtomicReference<RouterFactory> factory = new AtomicReference<>();
    private final DialPlanPlugin plugin = new DialPlanPlugin();

    @AfterEach
    void stop() {
        plugin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void aChangeInTheStoreReachesNewCallsAtTheNextPoll() throws Exception {
        store.saveRule(new DialRule(DOMAIN, 10, "zero", "*", "0", null, "reject 480 Night Service", null));
        plugin.start(context(Optional.of(store)));
        Router router = factory.get().create(request -> CompletableFuture.completedFuture(
                RouteDecision.reject(404, "Not Found")), domains());
        assertThat(decide(router)).isEqualTo(RouteDecision.reject(480, "Night Service"));

        store.saveRule(new DialRule(DOMAIN, 10, "zero", "*", "0", null, "reject 486 Day Service", null));

        // bounded: five polls' worth, then the assertion below fails
        RouteDecision decided = decide(router);
        for (int i = 0; i < 100 && decided.equals(RouteDecision.reject(480, "Night Service")); i++) {
            Thread.sleep(100);
            decided = decide(router);
        }
        assertThat(decided).isEqualTo(RouteDecision.reject(486, "Day Service"));
    }

    @Test
    void withoutAStoreThePluginSetsNoRouter() {
        plugin.start(context(Optional.empty()));

        assertThat(factory.get()).isNull();
    }

    private static RouteDecision decide(Router router) {
        SipRequest invite = SipRequest.builder("INVITE", "sip:0@example.com")
                .add(HeaderName.FROM, "<sip:201@example.com>;tag=1").add(HeaderName.CALL_ID, "plugin-test").build();
        return router.route(new RouteRequest(invite, new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("127.0.0.1", 40000), 0), AddressOfRecord.parse("sip:201@example.com")))
                .toCompletableFuture().join();
    }

    private static DomainCatalog domains() {
        return new DomainCatalog() {
            @Override
            public boolean isLocalDomain(String host) {
                return host.equals(DOMAIN);
            }

            @Override
            public boolean userExists(AddressOfRecord aor) {
                return true;
            }
        };
    }

    private PluginContext context(Optional<DialPlanStore> offered) {
        SipServices sip = new SipServices() {
            @Override
            public void addProcessor(Stage stage, RequestProcessor processor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void claimDatagrams(DatagramClaim claim) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void addTargetProcessor(TargetProcessor processor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void addResponseProcessor(ResponseProcessor processor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void addRelayHook(RelayHook hook) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void routeWith(RouterFactory routerFactory) {
                factory.set(routerFactory);
            }

            @Override
            public void decideReach(ReachPolicy policy) {
                throw new UnsupportedOperationException("the dial plan decides no reach");
            }

            @Override
            public EventBus events() {
                return new QueuedEventBus();
            }

            @Override
            public void acceptOnMulticast(Predicate<SipRequest> filter) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ClientTransaction sendRequest(SipRequest request, Destination destination,
                    ClientTransactionListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int port(Transport transport) {
                throw new UnsupportedOperationException();
            }
        };
        return new PluginContext() {
            @Override
            public Path dataDirectory() {
                throw new UnsupportedOperationException();
            }

            @Override
            public HttpMount http() {
                throw new UnsupportedOperationException();
            }

            @Override
            public SipServices sip() {
                return sip;
            }

            @Override
            public ScheduledExecutorService scheduler() {
                return scheduler;
            }

            @Override
            public Executor blockingExecutor() {
                return Runnable::run;
            }

            @Override
            public UserAccounts users() {
                throw new UnsupportedOperationException();
            }

            @Override
            public BindingsService bindings() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ActiveCallsService activeCalls() {
                throw new UnsupportedOperationException();
            }

            @Override
            public CallRecordsService callRecords() {
                throw new UnsupportedOperationException();
            }

            @Override
            public DevicesService devices() {
                throw new UnsupportedOperationException();
            }

            @Override
            public BansService bans() {
                throw new UnsupportedOperationException();
            }

            @Override
            public MessageTraceService messageTrace() {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> Optional<T> service(Class<T> type) {
                return type == DialPlanStore.class ? offered.map(type::cast) : Optional.empty();
            }
        };
    }
}
