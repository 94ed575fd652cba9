package org.switchboard.dialplan.plugin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.store.CallFeatureStore;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.TrunkStore;
import org.switchboard.dialplan.features.CallFeatures;
import org.switchboard.dialplan.plan.DialPlan;
import org.switchboard.dialplan.plan.PlanHolder;
import org.switchboard.dialplan.trunks.TrunkCalls;
import org.switchboard.dialplan.trunks.TrunkFailover;
import org.switchboard.dialplan.trunks.TrunkInbound;
import org.switchboard.dialplan.trunks.TrunkRouting;
import org.switchboard.dialplan.trunks.Trunks;

/**
 * The dial plan as a plugin: at start it compiles the plan from the {@link DialPlanStore} the server
 * offers and makes {@link DialPlanRouter} the proxy's router; then, every {@link #POLL}, it compares
 * the store's revision (on the blocking executor) and swaps in a recompiled plan when it moved, so a
 * change by the CLI or on another node of a farm takes effect within seconds, while calls in progress
 * keep their plan. Without a store the plugin stays off and calls route as without a plan. With a
 * {@link TrunkStore} it runs the trunks too, compared with the store at the same poll.
 * Lifecycle as {@link Plugin}.
 */
public final class DialPlanPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(DialPlanPlugin.class);
    /** How often the store's revision is compared. */
    static final Duration POLL = Duration.ofSeconds(2);

    /** The most calls the trunks' target stage and failover remember at once. */
    private static final int CALLS_REMEMBERED = 10_000;

    private final AtomicBoolean polling = new AtomicBoolean();
    private ScheduledFuture<?> poll;
    private CallFeatures features;
    private Trunks trunks;

    @Override
    public String name() {
        return "dialplan";
    }

    @Override
    public void start(PluginContext context) {
        Optional<DialPlanStore> store = context.service(DialPlanStore.class);
        if (store.isEmpty()) {
            LOG.warn("Dial plan: off, because the server offers no dial plan store; calls go to registered users");
            return;
        }
        PlanLoader loader = new PlanLoader(store.get());
        PlanHolder holder = new PlanHolder(loader.load());
        describe(holder.current());
        TrunkRouting routing = startTrunks(context);
        // call features (forwarding, do-not-disturb, groups, voicemail, feature codes) decide in front of the plan
        CallFeatures callFeatures = context.service(CallFeatureStore.class)
                .map(s -> new CallFeatures(s, context.blockingExecutor())).orElse(null);
        context.sip().routeWith((local, domains) -> {
            Router plan = new DialPlanRouter(holder, local, domains, Clock.systemUTC(), routing);
            return callFeatures == null ? plan : callFeatures.router(plan, local, domains);
        });
        if (callFeatures != null) {
            context.sip().addResponseProcessor(callFeatures.failureForwarding());
            callFeatures.startPolling(context.scheduler());
            features = callFeatures;
        }
        poll = context.scheduler().scheduleWithFixedDelay(() -> {
            if (!polling.compareAndSet(false, true)) {
                return; // the last poll still runs (a slow database)
            }
            try {
                context.blockingExecutor().execute(() -> refresh(loader, holder));
            } catch (RejectedExecutionException e) {
                polling.set(false);
                LOG.debug("Dial plan: the blocking executor is saturated; the store is compared at the next poll");
            }
        }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The trunks from the {@link TrunkStore}, when the server offers one: their registrations, the
     * target stage and relay hook for calls to them, failover between them. Reads the store and
     * resolves the trunks' hosts (blocking, at start).
     */
    private TrunkRouting startTrunks(PluginContext context) {
        Optional<TrunkStore> store = context.service(TrunkStore.class);
        if (store.isEmpty()) {
            return null;
        }
        trunks = new Trunks(store.get(), context.sip(), context.scheduler(), context.blockingExecutor(),
                Clock.systemUTC());
        trunks.refresh();
        TrunkCalls calls = new TrunkCalls(trunks::directory, CALLS_REMEMBERED);
        TrunkFailover failover = new TrunkFailover(CALLS_REMEMBERED, calls::forget);
        context.sip().addTargetProcessor(calls);
        context.sip().addRelayHook(calls);
        context.sip().addResponseProcessor(failover);
        context.sip().addLocalProcessor(new TrunkInbound(trunks::directory));
        context.sip().events().subscribe(SwitchboardEvent.CallEnded.class, Runnable::run, ended -> {
            calls.ended(ended);
            failover.forget(ended.callId());
        });
        return new TrunkRouting(trunks::directory, failover);
    }

    private void refresh(PlanLoader loader, PlanHolder holder) {
        try {
            if (trunks != null) {
                trunks.refresh();
            }
            if (loader.isStale(holder.current())) {
                holder.swap(loader.load());
                describe(holder.current());
            }
        } catch (RuntimeException e) {
            LOG.warn("Dial plan: cannot read the store ({}); the plan in force stays", e.getMessage());
        } finally {
            polling.set(false);
        }
    }

    private static void describe(DialPlan plan) {
        LOG.info("Dial plan: revision {} in force{}", plan.revision(),
                plan.domains().isEmpty() ? ", no rules: calls go to registered users"
                        : plan.domains().stream().map(d -> ", " + d + " " + plan.rules(d).size() + " rules")
                                .reduce("", String::concat));
    }

    @Override
    public void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
        if (features != null) {
            features.stop();
        }
        if (trunks != null) {
            trunks.stop();
        }
    }
}
