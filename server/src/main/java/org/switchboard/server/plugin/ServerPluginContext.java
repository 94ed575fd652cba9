package org.switchboard.server.plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.plugin.SipServices;

/**
 * The plugin context of a running server. Immutable apart from what its parts do; thread-safe.
 *
 * @param services the optional services other modules offer, by the type plugins ask for
 */
record ServerPluginContext(Path dataDirectory, HttpMount http, SipServices sip, ScheduledExecutorService scheduler,
        Executor blockingExecutor, Map<Class<?>, Object> services) implements PluginContext {

    ServerPluginContext {
        services = Map.copyOf(services);
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }
}
