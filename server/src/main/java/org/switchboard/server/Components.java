package org.switchboard.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.switchboard.accounts.bruteforce.GuardBans;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.service.CallRecordQuery;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.ApiTokenStore;
import org.switchboard.core.spi.store.AuditStore;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.pnp.devices.RegistryDevices;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.DataDirectoryLock;
import org.switchboard.server.data.Features;
import org.switchboard.server.devices.DeviceInventories;
import org.switchboard.server.http.HttpServerComponent;
import org.switchboard.server.lifecycle.Lifecycle;
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
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.CallLog;
import org.switchboard.webadmin.directory.RegistrationListing;

/**
 * The parts of a server, in start order; the server stops them in reverse. This is the one place
 * that decides what a Switchboard server consists of. Stateless and thread-safe.
 */
public final class Components {
    /** The name of the plug-and-play plugin, switched off by {@code --no-pnp}. */
    static final String PNP_PLUGIN = "pnp";

    private Components() {
    }

    /** The parts for a configuration, with the plugins found on the class path. */
    public static List<Lifecycle> create(ServerConfig config) {
        Set<String> disabled = config.pnp().enabled() ? Set.of() : Set.of(PNP_PLUGIN);
        return create(config, PluginDiscovery.load(disabled));
    }

    /** The typed services plugins get, over the started registrar and the SIP stack to come. */
    private static PluginServices pluginServices(ServerConfig config, RegistrarComponent registrar, StackServices sip,
            Executor blocking) {
        Features features = registrar.features();
        return new PluginServices(features.accounts().userDirectory(), features.registrar().bindings(),
                sip.activeCalls(), new JdbcCallRecords(registrar.callRecordStore(), blocking),
                new RegistryDevices(features.devices(), blocking), new GuardBans(features.accounts().bruteForceGuard()),
                sip.messageTrace(), Map.of(DeviceInventory.class, DeviceInventories.create(config, features.devices(),
                        features.accounts().userDirectory()),
                        DialPlanStore.class, new JdbcDialPlanStore(features.database()),
                        AdminStore.class, new JdbcAdminStore(features.database()),
                        ApiTokenStore.class, new JdbcApiTokenStore(features.database()),
                        AuditStore.class, new JdbcAuditStore(features.database()),
                        AdminDirectory.class, new WebAdminDirectory(features.accounts().userDirectory()),
                        RegistrationListing.class, (RegistrationListing) features.registrar().bindings()::all,
                        CallLog.class, (CallLog) (from, to, offset, limit) -> registrar.callRecordStore()
                                .find(new CallRecordQuery(from, to, null, offset, limit))));
    }

    /**
     * The parts for a configuration and a set of plugins. The data directory lock comes first, so
     * nothing else touches a data directory another server owns. Then the registrar (database,
     * bindings, users, devices). The plugins start next, offered the device inventory over the
     * registrar, the dial plan's store, and the web admin's accounts, audit log and directory: they mount their HTTP handlers, add their SIP
     * processors and set the router, which must be in place before the HTTP server and the SIP stack take their first
     * request. Then HTTP (if enabled), then the SIP stack, which listens on {@link
     * ServerConfig#sipListenPoints()}. So on shutdown SIP stops first, then HTTP, the plugins and
     * the registrar.
     *
     * @param config the validated configuration
     * @param plugins the plugins to run
     * @return the parts, in start order
     */
    static List<Lifecycle> create(ServerConfig config, List<Plugin> plugins) {
        HttpServerComponent http = new HttpServerComponent(config.http());
        EventBus events = new QueuedEventBus();
        StackServices sip = new StackServices(events);
        RegistrarComponent registrar = new RegistrarComponent(config, events);
        List<Lifecycle> parts = new ArrayList<>();
        parts.add(new DataDirectoryLock(config.dataDir()));
        parts.add(registrar);
        parts.add(new PluginsComponent(plugins, config.dataDir(), http, sip,
                blocking -> pluginServices(config, registrar, sip, blocking)));
        if (http.enabled()) {
            parts.add(http);
        }
        if (!config.warmUp().isZero()) {
            parts.add(new WarmupComponent(config));
        }
        parts.add(new SipStackComponent(config, registrar, sip));
        return List.copyOf(parts);
    }
}
