package org.switchboard.server.plugin;

import java.util.Map;
import org.switchboard.core.spi.service.ActiveCallsService;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.service.BindingsService;
import org.switchboard.core.spi.service.CallRecordsService;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.MessageTraceService;
import org.switchboard.core.spi.service.UserAccounts;

/**
 * The typed services the server hands every plugin in its {@link org.switchboard.core.plugin.PluginContext},
 * and the feature-specific ones it wires for the plugin of that feature. Immutable.
 *
 * @param featureServices a feature's own services by type (the plug-and-play inventory; the live
 *     settings and contact removal for the NAT gateway)
 */
public record PluginServices(UserAccounts users, BindingsService bindings, ActiveCallsService activeCalls,
        CallRecordsService callRecords, DevicesService devices, BansService bans, MessageTraceService messageTrace,
        Map<Class<?>, Object> featureServices) {

    public PluginServices {
        featureServices = Map.copyOf(featureServices);
    }
}
