package org.switchboard.presence.plugin;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.presence.dialog.CallDialogs;
import org.switchboard.presence.pickup.PickupProcessor;
import org.switchboard.presence.subscription.Notifier;
import org.switchboard.presence.subscription.Subscriptions;

/**
 * Busy lamps and pickup as a plugin: follows the calls the proxy relays ({@link CallDialogs} at the
 * relay point, and the call-ended events), answers dialog-event SUBSCRIBEs for our users as their
 * notifier ({@link InitialDialogSubscribe} at the route stage, after the proxy's authentication;
 * {@link InDialogSubscribe} at the local stage), NOTIFYs changes at most once per interval per
 * subscription from a tick, and turns pickup requests into INVITEs with Replaces ({@link
 * PickupProcessor}, route stage). Subscriptions live in memory: after a restart a phone's refresh
 * gets 481 and it subscribes anew (see {@link InDialogSubscribe}). The settings are the live section
 * {@link PresenceSettings#SECTION} when the server offers its {@link Settings}, else the defaults.
 * Lifecycle as {@link Plugin}.
 */
public final class PresencePlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(PresencePlugin.class);

    /** How often due NOTIFYs are sent; the NOTIFY interval itself is a setting. */
    private static final Duration TICK = Duration.ofMillis(200);
    /** How often calls whose end was never seen are looked for. */
    private static final Duration SWEEP = Duration.ofMinutes(1);
    /** The most calls followed at once. */
    private static final int CALLS_FOLLOWED = 100_000;
    /** An unanswered call older than this rings no more, whatever the proxy missed. */
    private static final Duration RINGING_AGE = Duration.ofMinutes(30);
    /** An answered call whose BYE the proxy never saw is dropped after this. */
    private static final Duration ANSWERED_AGE = Duration.ofHours(24);

    private CallDialogs calls;
    private Subscriptions subscriptions;
    private ScheduledFuture<?> ticks;
    private ScheduledFuture<?> sweeps;
    private volatile PresenceStatistics statistics;

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public void start(PluginContext context) {
        Supplier<PresenceSettings> settings = context.service(Settings.class)
                .<Supplier<PresenceSettings>>map(s -> () -> s.current(PresenceSettings.SECTION))
                .orElse(PresenceSettings.SECTION::defaults);
        Clock clock = Clock.systemUTC();
        // the book's lock is taken inside the hook's listener; the book calls the map, never back
        subscriptions = new Subscriptions(clock, aor -> calls.callsOf(aor), () -> settings.get().notifyInterval(),
                () -> settings.get().maxPerUser(), () -> settings.get().maxTotal());
        calls = new CallDialogs(clock, CALLS_FOLLOWED, RINGING_AGE, ANSWERED_AGE, subscriptions::changed);
        Notifier notifier = new Notifier(context.sip(), subscriptions);
        SubscribeAnswers answers = new SubscribeAnswers(settings, clock);

        context.sip().addRelayHook(calls);
        context.sip().events().subscribe(SwitchboardEvent.CallEnded.class, Runnable::run,
                ended -> calls.ended(ended.callId()));
        context.sip().addLocalProcessor(new InDialogSubscribe(answers, subscriptions, notifier));
        context.sip().addProcessor(Stage.ROUTE, new InitialDialogSubscribe(answers, subscriptions, notifier,
                context.users(), context.blockingExecutor()));
        PickupProcessor pickup = new PickupProcessor(calls, () -> settings.get().pickupCode());
        context.sip().addProcessor(Stage.ROUTE, pickup);
        statistics = new PresenceStatistics(subscriptions, calls, pickup);
        ticks = context.scheduler().scheduleWithFixedDelay(() -> safely(notifier::sendDue), TICK.toMillis(),
                TICK.toMillis(), TimeUnit.MILLISECONDS);
        sweeps = context.scheduler().scheduleWithFixedDelay(() -> safely(calls::sweep), SWEEP.toMillis(),
                SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Presence: dialog events for busy lamps, pickup with {}", settings.get().pickupCode().isEmpty()
                ? "Replaces only" : settings.get().pickupCode() + "<extension> and Replaces");
    }

    private static void safely(Runnable periodic) {
        try {
            periodic.run();
        } catch (RuntimeException e) {
            // a periodic task that throws is cancelled, and with it every lamp
            LOG.error("Presence: periodic task failed", e);
        }
    }

    /** The counts for metrics, or {@code null} before start. */
    public PresenceStatistics statistics() {
        return statistics;
    }

    @Override
    public void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            sweeps.cancel(false);
        }
    }
}
