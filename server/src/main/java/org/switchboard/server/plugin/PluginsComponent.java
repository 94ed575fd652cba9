package org.switchboard.server.plugin;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The plugins as one part of the server: starts each with the {@link PluginContext} in the order
 * given, then closes registration (so nothing joins the SIP chain later); stops them in reverse
 * order and then shuts their executors down. A plugin built against another SPI version, or one
 * whose start fails, stops the server's start with a message naming it.
 *
 * <p>Lifecycle as {@link Lifecycle}.
 */
public final class PluginsComponent implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PluginsComponent.class);

    private final List<Plugin> plugins;
    private final Path dataDir;
    private final HttpMount http;
    private final RegistrationWindow sip;
    private final Function<Executor, PluginServices> services;
    private final Deque<Plugin> started = new ArrayDeque<>();
    private PluginExecutors executors;

    /**
     * @param plugins the plugins to run, in start order
     * @param dataDir the data directory handed to them
     * @param http the HTTP mount point
     * @param sip the SIP services, whose registration closes once all plugins started
     * @param services the typed services offered to plugins, built at start (once the parts started
     *     before the plugins provide them) over the plugins' bounded blocking executor
     */
    public PluginsComponent(List<Plugin> plugins, Path dataDir, HttpMount http, RegistrationWindow sip,
            Function<Executor, PluginServices> services) {
        this.plugins = List.copyOf(plugins);
        this.dataDir = dataDir;
        this.http = http;
        this.sip = sip;
        this.services = services;
    }

    @Override
    public String name() {
        return plugins.isEmpty() ? "plugins (none)"
                : "plugins " + plugins.stream().map(Plugin::name).collect(Collectors.joining(", "));
    }

    @Override
    public void start() throws Exception {
        executors = new PluginExecutors();
        PluginContext context = new ServerPluginContext(dataDir, http, sip, executors.scheduler(),
                executors.blocking(), services.apply(executors.blocking()));
        try {
            for (Plugin plugin : plugins) {
                if (plugin.apiVersion() != Plugin.API_VERSION) {
                    throw new IllegalStateException("plugin " + plugin.name() + " was built for plugin API version "
                            + plugin.apiVersion() + ", this server has version " + Plugin.API_VERSION);
                }
                try {
                    plugin.start(context);
                } catch (Exception e) {
                    throw new IllegalStateException("plugin " + plugin.name() + " failed to start: " + e.getMessage(), e);
                }
                started.push(plugin);
                LOG.debug("Started plugin {}", plugin.name());
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        } finally {
            sip.closeRegistration();
        }
    }

    @Override
    public void stop() {
        while (!started.isEmpty()) {
            Plugin plugin = started.pop();
            try {
                plugin.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping plugin {} failed: {}", plugin.name(), e.toString(), e);
            }
        }
        try {
            executors.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
