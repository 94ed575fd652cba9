package org.switchboard.server.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.transaction.TransactionCounters;
import org.switchboard.core.transaction.TransactionKind;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.TransportStats;
import org.switchboard.server.backup.BackupOutcomes;
import org.switchboard.nat.keepalive.KeepAlives;
import org.switchboard.nat.media.MediaRelay;
import org.switchboard.nat.media.RelayCounters;
import org.switchboard.nat.plugin.NatGatewayPlugin;
import org.switchboard.nat.stun.StunStatistics;
import org.switchboard.presence.plugin.PresencePlugin;
import org.switchboard.presence.plugin.PresenceStatistics;
import org.switchboard.server.data.Features;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The server's metrics, as a part of the server: one Prometheus registry (one per server, so that
 * servers in one JVM do not share counts) holding the JVM's meters, meters that read the counters
 * the transports, the transaction layer, the registrar, the brute-force guard, plug-and-play and the
 * NAT gateway (keep-alives, STUN, the RTP relay) keep, and {@link EventMetrics} fed from the event bus on a thread of its own.
 *
 * <p>Nothing is added to the SIP path: the counters there are {@code LongAdder}s that exist anyway,
 * read only when {@code /metrics} is scraped. It starts after the registrar and before the SIP stack,
 * so it sees every event; until the SIP stack runs, its meters read 0. Every meter name is listed in
 * docs/monitoring.md, which a test checks against a scrape.
 */
public final class ServerMetrics implements Lifecycle {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EventBus events;
    private final Supplier<SipStack> stack;
    private final Supplier<Features> features;
    private final PnpCounters pnp;
    private final Optional<BackupOutcomes> backups;
    private final List<Plugin> plugins;
    /** The busy-lamp plugin among the plugins, or {@code null} (its meters then read 0). */
    private final PresencePlugin presence;
    private JvmGcMetrics gc;
    private ExecutorService eventThread;
    private EventBus.Subscription subscription;

    /**
     * @param stack the running SIP stack, or {@code null} while it is not running
     * @param features the started registrar and accounts
     * @param backups the backups' outcomes, where the server writes backups (the embedded database)
     * @param plugins the plugins, the NAT gateway's counters read from it when it is among them
     */
    public ServerMetrics(EventBus events, Supplier<SipStack> stack, Supplier<Features> features, PnpCounters pnp,
            Optional<BackupOutcomes> backups, List<Plugin> plugins) {
        this.events = Objects.requireNonNull(events);
        this.stack = Objects.requireNonNull(stack);
        this.features = Objects.requireNonNull(features);
        this.pnp = Objects.requireNonNull(pnp);
        this.backups = Objects.requireNonNull(backups);
        this.plugins = List.copyOf(plugins);
        this.presence = plugins.stream().filter(PresencePlugin.class::isInstance).map(PresencePlugin.class::cast)
                .findFirst().orElse(null);
    }

    @Override
    public String name() {
        return "metrics";
    }

    /** The registry the {@link MetricsHandler} scrapes. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void start() {
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        bindTransports();
        bindTransactions();
        bindRegistrar();
        bindPnp();
        backups.ifPresent(this::bindBackups);
        plugins.stream().filter(NatGatewayPlugin.class::isInstance).map(NatGatewayPlugin.class::cast).findFirst()
                .ifPresent(this::bindNat);
        bindPresence();
        if (events instanceof QueuedEventBus queued) {
            counter("switchboard.events.dropped", "Events a slow listener missed", queued, QueuedEventBus::dropped);
        }
        eventThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metrics-events");
            thread.setDaemon(true);
            return thread;
        });
        subscription = events.subscribe(SwitchboardEvent.class, eventThread, new EventMetrics(registry));
    }

    private void bindTransports() {
        for (Transport transport : Transport.values()) {
            String name = transport.name().toLowerCase(Locale.ROOT);
            FunctionCounter.builder("switchboard.sip.messages.received", this, m -> m.transport(s -> s.messagesIn(transport)))
                    .tag("transport", name).description("SIP messages read from the wire, well-formed or not")
                    .register(registry);
            FunctionCounter.builder("switchboard.sip.messages.sent", this, m -> m.transport(s -> s.messagesOut(transport)))
                    .tag("transport", name).description("SIP messages written to the wire").register(registry);
        }
        for (String method : TransportStats.COUNTED_METHODS) {
            requestCounters(method);
        }
        requestCounters(TransportStats.OTHER_METHOD);
        for (int c = TransportStats.FIRST_CLASS; c <= TransportStats.LAST_CLASS; c++) {
            int statusClass = c;
            FunctionCounter.builder("switchboard.sip.responses.received", this,
                            m -> m.transport(s -> s.responsesIn(statusClass)))
                    .tag("class", statusClass + "xx").description("Well-formed SIP responses received, by class")
                    .register(registry);
            FunctionCounter.builder("switchboard.sip.responses.sent", this, m -> m.transport(s -> s.responsesOut(statusClass)))
                    .tag("class", statusClass + "xx").description("SIP responses sent, by class, retransmissions included")
                    .register(registry);
        }
        transportCounter("switchboard.sip.messages.dropped", "Messages discarded without an answer", TransportStats::dropped);
        transportCounter("switchboard.sip.parse.failures", "Datagrams and stream messages that were no SIP message",
                TransportStats::parseFailures);
        transportCounter("switchboard.sip.bad.requests.answered", "Malformed requests answered 400, 505 or 513",
                TransportStats::badRequestsSent);
        transportCounter("switchboard.sip.send.failures", "Messages that could not be sent", TransportStats::sendFailures);
        transportCounter("switchboard.sip.banned.drops", "Datagrams, messages and connections from banned addresses dropped",
                TransportStats::blockedDrops);
        transportCounter("switchboard.sip.connections.refused", "TCP connections refused at a connection limit",
                TransportStats::connectionsRefused);
        transportCounter("switchboard.sip.connections.first.message.timeouts",
                "TCP connections closed for sending no whole first message in time", TransportStats::firstMessageTimeouts);
        Gauge.builder("switchboard.sip.connections.open", this, m -> m.transport(TransportStats::connectionsOpen))
                .description("TCP connections open, inbound and outbound").strongReference(true).register(registry);
    }

    private void requestCounters(String method) {
        FunctionCounter.builder("switchboard.sip.requests.received", this, m -> m.transport(s -> s.requestsIn(method)))
                .tag("method", method).description("Well-formed SIP requests received, by method, retransmissions included")
                .register(registry);
        FunctionCounter.builder("switchboard.sip.requests.sent", this, m -> m.transport(s -> s.requestsOut(method)))
                .tag("method", method).description("SIP requests sent, by method, retransmissions included")
                .register(registry);
    }

    private void transportCounter(String name, String description, ToDoubleFunction<TransportStats> value) {
        FunctionCounter.builder(name, this, m -> m.transport(value)).description(description).register(registry);
    }

    private void bindTransactions() {
        for (TransactionKind kind : TransactionKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            FunctionCounter.builder("switchboard.sip.transactions", this, m -> m.transactions(t -> t.created(kind)))
                    .tag("kind", name).description("Transactions created (RFC 3261 §17)").register(registry);
            Gauge.builder("switchboard.sip.transactions.active", this, m -> m.transactions(t -> t.active(kind)))
                    .tag("kind", name).description("Transactions in the tables").strongReference(true)
                    .register(registry);
        }
        transactionCounter("switchboard.sip.transactions.retransmissions.absorbed",
                "Retransmitted requests and responses matched to a transaction", TransactionCounters::retransmissionsAbsorbed);
        transactionCounter("switchboard.sip.transactions.timeouts", "Transactions ended by Timer B, F or H",
                TransactionCounters::timeouts);
        transactionCounter("switchboard.sip.transactions.transport.errors",
                "Transactions ended because the transport could not send", TransactionCounters::transportErrors);
        transactionCounter("switchboard.sip.transactions.rejected",
                "Requests answered 503 or not sent because a transaction table was full", TransactionCounters::rejectedByLimit);
        transactionCounter("switchboard.sip.transactions.completed.evicted",
                "Kept final responses dropped before Timer J because their store was full",
                TransactionCounters::completedEvictedEarly);
        Gauge.builder("switchboard.sip.transactions.completed.kept", this, m -> m.transactions(TransactionCounters::completedKept))
                .description("Completed non-INVITE server transactions kept off the heap until Timer J")
                .strongReference(true).register(registry);
    }

    private void transactionCounter(String name, String description, ToDoubleFunction<TransactionCounters> value) {
        FunctionCounter.builder(name, this, m -> m.transactions(value)).description(description).register(registry);
    }

    private void bindRegistrar() {
        Features started = features.get();
        Gauge.builder("switchboard.registrar.bindings", started, f -> f.registrar().registrations().liveCount())
                .description("Live contact bindings").strongReference(true).register(registry);
        counter("switchboard.registrar.commits", "Database commits of binding changes", started,
                f -> f.registrar().bindingCommits());
        counter("switchboard.auth.failures", "Failed digest authentications (REGISTER, INVITE and other requests)",
                started, f -> f.accounts().bruteForceGuard().failures());
        Gauge.builder("switchboard.bans.active", started, f -> f.accounts().bruteForceGuard().activeBanCount())
                .description("Addresses banned now").strongReference(true).register(registry);
    }

    private void bindPnp() {
        counter("switchboard.pnp.subscriptions", "Plug-and-play SUBSCRIBEs of phones recorded", pnp,
                PnpCounters::subscriptions);
        counter("switchboard.pnp.provisioned", "Settings files with account data served to phones", pnp,
                PnpCounters::provisioned);
    }

    private void bindBackups(BackupOutcomes outcomes) {
        for (BackupOutcomes.Trigger trigger : BackupOutcomes.Trigger.values()) {
            String name = trigger.name().toLowerCase(Locale.ROOT);
            FunctionCounter.builder("switchboard.backup.completed", outcomes, o -> o.completed(trigger))
                    .tag("trigger", name).description("Backups the server wrote, scheduled or asked for").register(registry);
            FunctionCounter.builder("switchboard.backup.failed", outcomes, o -> o.failed(trigger))
                    .tag("trigger", name).description("Backups that failed").register(registry);
        }
        Gauge.builder("switchboard.backup.last.success.timestamp", outcomes, BackupOutcomes::lastSuccessEpochSeconds)
                .baseUnit("seconds").description("When the newest backup was written, in seconds since 1970; 0 if none")
                .strongReference(true).register(registry);
        Gauge.builder("switchboard.backup.last.size", outcomes, BackupOutcomes::lastSizeBytes)
                .baseUnit("bytes").description("Size of the newest backup").strongReference(true).register(registry);
    }

    /** The NAT gateway's counters, read at each scrape (its parts exist once it started). */
    private void bindNat(NatGatewayPlugin nat) {
        counter("switchboard.nat.keepalive.pings", "OPTIONS pings sent to NATed UDP flows", nat,
                n -> keepAlives(n, KeepAlives::pingCount));
        counter("switchboard.nat.keepalive.failures", "NATed flows marked for leaving a ping unanswered", nat,
                n -> keepAlives(n, KeepAlives::markedCount));
        counter("switchboard.nat.keepalive.dropped", "Bindings dropped because their flow stopped answering pings", nat,
                n -> keepAlives(n, KeepAlives::droppedCount));
        StunStatistics stun = nat.stunStatistics();
        counter("switchboard.stun.answered", "STUN requests answered", stun, StunStatistics::answeredCount);
        FunctionCounter.builder("switchboard.stun.errors", stun, StunStatistics::malformedCount).tag("reason", "malformed")
                .description("STUN messages dropped unanswered").register(registry);
        FunctionCounter.builder("switchboard.stun.errors", stun, StunStatistics::unanswerableCount)
                .tag("reason", "unanswerable").description("STUN messages dropped unanswered").register(registry);
        Gauge.builder("switchboard.rtp.ports.in.use", nat, n -> relay(n, MediaRelay::portsInUse))
                .description("UDP ports the RTP relay holds now").strongReference(true).register(registry);
        Gauge.builder("switchboard.rtp.calls", nat, n -> relay(n, MediaRelay::calls))
                .description("Calls whose media the relay anchors now").strongReference(true).register(registry);
        counter("switchboard.rtp.packets.relayed", "RTP and RTCP packets the relay forwarded", nat,
                n -> relay(n, r -> r.counters().packetsRelayed()));
        counter("switchboard.rtp.bytes.relayed", "Bytes of the packets the relay forwarded", nat,
                n -> relay(n, r -> r.counters().bytesRelayed()));
        FunctionCounter.builder("switchboard.rtp.packets.dropped", nat,
                        n -> relay(n, r -> r.counters().packetsFromStrangers()))
                .tag("reason", "stranger").description("Packets the relay dropped").register(registry);
        FunctionCounter.builder("switchboard.rtp.packets.dropped", nat,
                        n -> relay(n, r -> r.counters().packetsUnroutable()))
                .tag("reason", "unroutable").description("Packets the relay dropped").register(registry);
        counter("switchboard.rtp.media.timeouts", "Answered calls whose media stopped; their ports were freed", nat,
                n -> relay(n, r -> r.counters().mediaTimeouts()));
        counter("switchboard.rtp.ports.exhausted", "Streams not relayed because the port range was used up", nat,
                n -> relay(n, r -> r.counters().portsExhausted()));
    }

    private static double keepAlives(NatGatewayPlugin nat, ToDoubleFunction<KeepAlives> value) {
        KeepAlives keepAlives = nat.keepAlives();
        return keepAlives == null ? 0 : value.applyAsDouble(keepAlives);
    }

    private static double relay(NatGatewayPlugin nat, ToDoubleFunction<MediaRelay> value) {
        MediaRelay relay = nat.mediaRelay();
        return relay == null ? 0 : value.applyAsDouble(relay);
    }

    private void bindPresence() {
        Gauge.builder("switchboard.presence.subscriptions", this, m -> m.presence(PresenceStatistics::subscriptions))
                .description("Dialog-event subscriptions (busy lamps) now").strongReference(true).register(registry);
        Gauge.builder("switchboard.presence.calls.followed", this, m -> m.presence(PresenceStatistics::callsFollowed))
                .description("Calls followed for busy lamps now").strongReference(true).register(registry);
        counter("switchboard.presence.subscriptions.refused", "Dialog-event SUBSCRIBEs refused at a bound", this,
                m -> m.presence(PresenceStatistics::refused));
        counter("switchboard.presence.notifies", "Dialog-event NOTIFYs sent", this,
                m -> m.presence(PresenceStatistics::notifies));
        counter("switchboard.presence.notifies.failed", "Dialog-event NOTIFYs that failed and ended their subscription",
                this, m -> m.presence(PresenceStatistics::failedNotifies));
        counter("switchboard.presence.pickups", "Ringing calls picked up (INVITEs with Replaces sent to the caller)",
                this, m -> m.presence(PresenceStatistics::pickups));
    }

    private double presence(ToDoubleFunction<PresenceStatistics> value) {
        PresenceStatistics statistics = presence == null ? null : presence.statistics();
        return statistics == null ? 0 : value.applyAsDouble(statistics);
    }

    private <T> void counter(String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }

    private double transport(ToDoubleFunction<TransportStats> value) {
        SipStack running = stack.get();
        return running == null ? 0 : value.applyAsDouble(running.transports().stats());
    }

    private double transactions(ToDoubleFunction<TransactionCounters> value) {
        SipStack running = stack.get();
        return running == null ? 0 : value.applyAsDouble(running.transactions().counters());
    }

    @Override
    public void stop() {
        subscription.close();
        eventThread.shutdown();
        gc.close();
    }
}
