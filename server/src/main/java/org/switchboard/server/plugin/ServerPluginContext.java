package org.switchboard.server.plugin;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.spi.service.ActiveCallsService;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.service.BindingsService;
import org.switchboard.core.spi.service.CallRecordsService;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.MessageTraceService;
import org.switchboard.core.spi.service.UserAccounts;

/**
 * The plugin context of a running server. Immutable apart from what its parts do; thread-safe.
 *
 * @param services the typed services of the other features
 */
record ServerPluginContext(Path dataDirectory, HttpMount http, SipServices sip, ScheduledExecutorService scheduler,
        Executor blockingExecutor, PluginServices services) implements PluginContext {

    @Override
    public UserAccounts users() {
        return services.users();
    }

    @Override
    public BindingsService bindings() {
        return services.bindings();
    }

    @Override
    public ActiveCallsService activeCalls() {
        return services.activeCalls();
    }

    @Override
    public CallRecordsService callRecords() {
        return services.callRecords();
    }

    @Override
    public DevicesService devices() {
        return services.devices();
    }

    @Override
    public BansService bans() {
        return services.bans();
    }

    @Override
    public MessageTraceService messageTrace() {
        return services.messageTrace();
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.featureServices().get(type)).map(type::cast);
    }
}
