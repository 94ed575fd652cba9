package org.switchboard.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.switchboard.accounts.bruteforce.GuardBans;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.service.CallRecordQuery;
import org.switchboard.core.spi.service.ContactRemoval;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.ApiTokenStore;
import org.switchboard.core.spi.store.AuditStore;
import org.switchboard.core.spi.store.CallFeatureStore;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.TrunkStore;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.dialplan.plugin.PlanInspector;
import org.switchboard.pnp.devices.RegistryDevices;
import org.switchboard.server.backup.BackupOutcomes;
import org.switchboard.server.backup.BackupService;
import org.switchboard.server.cli.VersionProvider;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.DataDirectoryLock;
import org.switchboard.server.data.Features;
import org.switchboard.server.http.HttpServerComponent;
import org.switchboard.server.tls.TlsComponent;
import org.switchboard.server.lifecycle.Lifecycle;
import org.switchboard.server.monitoring.CountingDevices;
import org.switchboard.server.monitoring.HealthHandler;
import org.switchboard.server.monitoring.MetricsHandler;
import org.switchboard.server.monitoring.PnpCounters;
import org.switchboard.server.monitoring.Readiness;
import org.switchboard.server.monitoring.ServerMetrics;
import org.switchboard.server.plugin.PluginDiscovery;
import org.switchboard.server.plugin.PluginServices;
import org.switchboard.server.plugin.PluginsComponent;
import org.switchboard.server.warmup.WarmupComponent;
import org.switchboard.server.webadmin.WebAdminDirectory;
import org.switchboard.store.admin.JdbcAdminStore;
import org.switchboard.store.admin.JdbcApiTokenStore;
import org.switchboard.store.admin.JdbcAuditStore;
import org.switchboard.store.calls.JdbcCallRecords;
import org.switchboard.store.dialplan.JdbcDialPlanStore;
import org.switchboard.store.features.JdbcCallFeatureStore;
import org.switchboard.store.trunks.JdbcTrunkStore;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.CallLog;

/**
 * The parts of a server, in start order; the server stops them in reverse. This is the one place
 * that decides what a Switchboard server consists of. Stateless and thread-safe.
 */
public final class Components {
    /** The name of the plug-and-play plugin, switched off by {@code --no-pnp}. */
    static final String PNP_PLUGIN = "pnp";

    private Components() {
    }

    /** The name of the web admin plugin, which the warm-up's throwaway server leaves out. */
    public static final String WEB_ADMIN_PLUGIN = "web-admin";

    /** The parts for a configuration, with the plugins found on the class path. */
    public static List<Lifecycle> create(ServerConfig config) {
        return create(config, Set.of());
    }

    /** The parts for a configuration, with the plugins found on the class path but those named. */
    public static List<Lifecycle> create(ServerConfig config, Set<String> leftOut) {
        return create(config, leftOut, Clock.systemDefaultZone());
    }

    /**
     * The parts for a configuration, with the plugins found on the class path but those named, and the
     * backup schedule following {@code clock} (its zone is the one of the schedule's times of day).
     */
    public static List<Lifecycle> create(ServerConfig config, Set<String> leftOut, Clock clock) {
        Set<String> disabled = new HashSet<>(leftOut);
        if (!config.pnp().enabled()) {
            disabled.add(PNP_PLUGIN);
        }
        return create(config, PluginDiscovery.load(Set.copyOf(disabled)), clock);
    }

    /** The typed services plugins get, over the started registrar and the SIP stack to come. */
    private static PluginServices pluginServices(RegistrarComponent registrar, StackServices sip, PnpCounters pnp,
            Executor blocking) {
        Features features = registrar.features();
        return new PluginServices(features.accounts().userDirectory(), features.registrar().bindings(),
                sip.activeCalls(), new JdbcCallRecords(registrar.callRecordStore(), blocking),
                new CountingDevices(new RegistryDevices(features.devices(), blocking), pnp),
                new GuardBans(features.accounts().bruteForceGuard()), sip.messageTrace(), Map.ofEntries(
                        Map.entry(Settings.class, registrar.settings()),
                        Map.entry(ContactRemoval.class, features.registrar().contactRemoval()),
                        Map.entry(DialPlanStore.class, new JdbcDialPlanStore(features.database())),
                        Map.entry(CallFeatureStore.class, new JdbcCallFeatureStore(features.database())),
                        Map.entry(TrunkStore.class, new JdbcTrunkStore(features.database())),
                        Map.entry(AdminStore.class, new JdbcAdminStore(features.database())),
                        Map.entry(ApiTokenStore.class, new JdbcApiTokenStore(features.database())),
                        Map.entry(AuditStore.class, new JdbcAuditStore(features.database())),
                        Map.entry(AdminDirectory.class, new WebAdminDirectory(features.accounts().userDirectory())),
                        Map.entry(DialPlanService.class, new PlanInspector(new JdbcDialPlanStore(features.database()),
                                () -> features.accounts().userDirectory().domains().stream().map(Domain::name).toList(),
                                Clock.systemDefaultZone())),
                        Map.entry(CallLog.class, (CallLog) (from, to, offset, limit) -> registrar.callRecordStore()
                                .find(new CallRecordQuery(from, to, null, offset, limit)))));
    }

    /** The one specific address the configuration listens on, with its SIP port; empty for a wildcard or several. */
    private static Optional<InetSocketAddress> soleListenAddress(ServerConfig config) {
        List<InetAddress> listen = config.listenAddresses();
        if (listen.size() != 1 || listen.get(0).isAnyLocalAddress()) {
            return Optional.empty();
        }
        return Optional.of(new InetSocketAddress(listen.get(0), config.sipPort()));
    }

    /**
     * The parts for a configuration and a set of plugins. The data directory lock comes first, so
     * nothing else touches a data directory another server owns. Then, with SIP over TLS or HTTPS,
     * the certificate (generated into the data directory if none is configured). Then the registrar (database,
     * bindings, users, devices). The plugins start next, offered the typed services over the
     * registrar (the devices service counting what plug-and-play records), the dial plan's store, and the web admin's accounts, audit log and directory: they
     * mount their HTTP handlers, add their SIP processors and set the router, which must be in place
     * before the HTTP server and the SIP stack take their first request. With the embedded database,
     * the backups next, asked for and scheduled (PostgreSQL is backed up with its own tools). With HTTP
     * enabled, the metrics next (subscribed to the event bus before any SIP traffic; {@code /metrics}
     * and {@code /health} are mounted with the plugins' handlers), then HTTP, then the warm-up (if
     * configured: by then whatever could fail the start has started), then the SIP stack, which
     * listens on {@link ServerConfig#sipListenPoints()}, and last the readiness {@code /health}
     * reports. So on shutdown the server first reports itself not ready, then SIP stops, then HTTP,
     * the metrics, the plugins and the registrar.
     *
     * @param config the validated configuration
     * @param plugins the plugins to run
     * @return the parts, in start order
     */
    static List<Lifecycle> create(ServerConfig config, List<Plugin> plugins) {
        return create(config, plugins, Clock.systemDefaultZone());
    }

    /** As {@link #create(ServerConfig, List)}, the backup schedule following {@code clock}. */
    static List<Lifecycle> create(ServerConfig config, List<Plugin> plugins, Clock clock) {
        HttpServerComponent http = new HttpServerComponent(config.http());
        TlsComponent tls = config.usesTls() ? new TlsComponent(config) : null;
        if (tls != null && config.tls().https() && http.enabled()) {
            http.enableHttps(config.tls().httpsPort(), tls.httpsContextFactory());
        }
        EventBus events = new QueuedEventBus();
        StackServices sip = new StackServices(events, soleListenAddress(config));
        RegistrarComponent registrar = new RegistrarComponent(config, events, sip.reachPolicy());
        SipStackComponent stack = new SipStackComponent(config, registrar, sip, tls);
        PnpCounters pnp = new PnpCounters();
        List<Lifecycle> parts = new ArrayList<>();
        parts.add(new DataDirectoryLock(config.dataDir()));
        if (tls != null) {
            parts.add(tls);
        }
        parts.add(registrar);
        parts.add(new PluginsComponent(plugins, config.dataDir(), http, sip,
                blocking -> pluginServices(registrar, sip, pnp, blocking)));
        Optional<BackupOutcomes> backups = config.database().embedded() ? Optional.of(new BackupOutcomes())
                : Optional.empty();
        backups.ifPresent(outcomes -> parts.add(new BackupService(config.dataDir(), registrar::features,
                VersionProvider.current(), config.backup(), clock, outcomes)));
        Readiness readiness = new Readiness();
        if (http.enabled()) {
            ServerMetrics metrics = new ServerMetrics(events, stack::stack, registrar::features, pnp, backups, plugins);
            http.mount(MetricsHandler.MOUNT, new MetricsHandler(metrics.registry()));
            http.mount(HealthHandler.MOUNT, new HealthHandler(readiness));
            parts.add(metrics);
            parts.add(http);
        }
        if (!config.warmUp().isZero()) {
            parts.add(new WarmupComponent(config));
        }
        parts.add(stack);
        if (http.enabled()) {
            parts.add(readiness);
        }
        return List.copyOf(parts);
    }
}
