package org.switchboard.webadmin.plugin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.ApiTokenStore;
import org.switchboard.core.spi.store.AuditStore;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.webadmin.api.ApiHandler;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.LoginThrottle;
import org.switchboard.webadmin.auth.PasswordHasher;
import org.switchboard.webadmin.auth.Sessions;
import org.switchboard.webadmin.auth.SetupToken;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.CallLog;
import org.switchboard.webadmin.directory.RegistrationListing;
import org.switchboard.webadmin.directory.ServerServices;
import org.switchboard.webadmin.http.AdminSite;
import org.switchboard.webadmin.live.LiveCounters;

/**
 * The web admin as a plugin: mounts the pages at {@value AdminSite#MOUNT} and the JSON API at
 * {@value ApiHandler#MOUNT} on the server's HTTP server. While no administrator exists it makes a one-time setup token and, once the HTTP port is
 * known, logs the setup link with it; there is no default password. Needs the administrator and
 * audit stores and the directory from the server; without them, or without HTTP, it mounts nothing
 * and says why. Lifecycle as {@link Plugin}.
 */
public final class WebAdminPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(WebAdminPlugin.class);
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration MAX_SESSION = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 1000;
    private static final int FREE_FAILURES = 3;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    private static final Duration FORGET_FAILURES = Duration.ofHours(1);
    private static final int TRACKED_PAIRS = 10_000;
    private static final long PORT_POLL_MILLIS = 200;

    private ScheduledFuture<?> sweeper;
    private ScheduledFuture<?> announcer;

    @Override
    public String name() {
        return "web-admin";
    }

    @Override
    public void start(PluginContext context) {
        HttpMount http = context.http();
        if (!http.enabled()) {
            LOG.warn("Web admin: off, because HTTP is disabled; set --http-port to enable it");
            return;
        }
        Optional<AdminStore> admins = context.service(AdminStore.class);
        Optional<AuditStore> auditStore = context.service(AuditStore.class);
        Optional<AdminDirectory> directory = context.service(AdminDirectory.class);
        Optional<CallLog> calls = context.service(CallLog.class);
        Optional<ApiTokenStore> tokens = context.service(ApiTokenStore.class);
        if (admins.isEmpty() || auditStore.isEmpty() || directory.isEmpty() 
                || calls.isEmpty() || tokens.isEmpty()) {
            LOG.warn("Web admin: off, because the server offers no administrator store, audit log, directory, "
                    + "call log or API tokens");
            return;
        }
        Clock clock = Clock.systemUTC();
        SetupToken setup = new SetupToken(admins.get().count() == 0);
        LiveCounters counters = new LiveCounters(clock.instant());
        counters.listenTo(context.sip().events());
        Sessions sessions = new Sessions(clock, IDLE_TIMEOUT, MAX_SESSION, MAX_SESSIONS);
        LoginThrottle throttle = new LoginThrottle(clock, FREE_FAILURES, MAX_BACKOFF, FORGET_FAILURES, TRACKED_PAIRS);
        AuditLog audit = new AuditLog(auditStore.get(), clock);
        RegistrationListing registrations = RegistrationListing.of(context.bindings());
        ServerServices services = new ServerServices(context.bans(), context.devices(), context.service(DialPlanService.class),
                context.service(DialPlanStore.class), context.service(Settings.class));
        http.mount(ApiHandler.MOUNT, new ApiHandler(tokens.get(), directory.get(), registrations, calls.get(),
                services, audit, clock));
        http.mount(AdminSite.MOUNT, AdminSite.handler(admins.get(), audit,
                directory.get(), registrations, calls.get(), services, counters, setup, sessions, throttle, new PasswordHasher(), clock));
        ScheduledExecutorService scheduler = context.scheduler();
        sweeper = scheduler.scheduleWithFixedDelay(sessions::removeExpired, 1, 1, TimeUnit.MINUTES);
        if (setup.open()) {
            announcer = scheduler.scheduleWithFixedDelay(() -> announce(http, setup), PORT_POLL_MILLIS,
                    PORT_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            LOG.info("Web admin: at {}", AdminSite.MOUNT);
        }
    }

    /** Logs the setup link once the HTTP server has its port, then stops asking. */
    private void announce(HttpMount http, SetupToken setup) {
        int port;
        try {
            port = http.port();
        } catch (IllegalStateException notYet) {
            return;
        }
        announcer.cancel(false);
        if (!setup.open()) {
            return;
        }
        String base = http.externalUrl().map(URI::toString).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElse("http://localhost:" + port);
        LOG.warn("Web admin: no administrator yet. Open {}{}/setup?token={} to create one "
                + "(works once; from another machine use this server's address instead of localhost)",
                base, AdminSite.MOUNT, setup.value());
    }

    @Override
    public void stop() {
        if (announcer != null) {
            announcer.cancel(false);
        }
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }
}
