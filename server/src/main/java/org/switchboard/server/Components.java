package org.switchboard.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.server.backup.BackupService;
import org.switchboard.server.cli.VersionProvider;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.DataDirectoryLock;
import org.switchboard.server.devices.DeviceInventories;
import org.switchboard.server.http.HttpServerComponent;
import org.switchboard.server.lifecycle.Lifecycle;
import org.switchboard.server.monitoring.CountingDeviceInventory;
import org.switchboard.server.monitoring.HealthHandler;
import org.switchboard.server.monitoring.MetricsHandler;
import org.switchboard.server.monitoring.PnpCounters;
import org.switchboard.server.monitoring.Readiness;
import org.switchboard.server.monitoring.ServerMetrics;
import org.switchboard.server.plugin.PluginDiscovery;
import org.switchboard.server.plugin.PluginsComponent;

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

    /**
     * The parts for a configuration and a set of plugins. The data directory lock comes first, so
     * nothing else touches a data directory another server owns. Then the registrar (database,
     * bindings, users, devices). The plugins start next, offered the device inventory over the
     * registrar: they mount their HTTP handlers and add their SIP
     * processors, which must be in place before the HTTP server and the SIP stack take their first
     * request. With the embedded database, the backup requests' poller next (PostgreSQL is backed
     * up with its own tools). With HTTP enabled, the metrics next (subscribed to the event bus before any SIP
     * traffic; {@code /metrics} and {@code /health} are mounted with the plugins' handlers), then
     * HTTP, then the SIP stack, which listens on {@link ServerConfig#sipListenPoints()}, and last
     * the readiness {@code /health} reports. So on shutdown the server first reports itself not
     * ready, then SIP stops, then HTTP, the metrics, the plugins and the registrar.
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
        SipStackComponent stack = new SipStackComponent(config, registrar, sip);
        PnpCounters pnp = new PnpCounters();
        List<Lifecycle> parts = new ArrayList<>();
        parts.add(new DataDirectoryLock(config.dataDir()));
        parts.add(registrar);
        parts.add(new PluginsComponent(plugins, config.dataDir(), http, sip, () -> Map.of(DeviceInventory.class,
                new CountingDeviceInventory(DeviceInventories.create(config, registrar.features().devices(),
                        registrar.features().accounts().userDirectory()), pnp))));
        if (config.database().embedded()) {
            parts.add(new BackupService(config.dataDir(), registrar::features, VersionProvider.current()));
        }
        Readiness readiness = new Readiness();
        if (http.enabled()) {
            ServerMetrics metrics = new ServerMetrics(events, stack::stack, registrar::features, pnp);
            http.mount(MetricsHandler.MOUNT, new MetricsHandler(metrics.registry()));
            http.mount(HealthHandler.MOUNT, new HealthHandler(readiness));
            parts.add(metrics);
            parts.add(http);
        }
        parts.add(stack);
        if (http.enabled()) {
            parts.add(readiness);
        }
        return List.copyOf(parts);
    }
}
