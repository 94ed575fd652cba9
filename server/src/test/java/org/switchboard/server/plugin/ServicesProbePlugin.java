package org.switchboard.server.plugin;

import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;

/**
 * A plugin that only keeps the context it is started with, so a test can use the services a plugin
 * gets. Started by {@link org.switchboard.server.TestServerLauncher}'s {@code plugin} option.
 */
public final class ServicesProbePlugin implements Plugin {
    private static final AtomicReference<PluginContext> CONTEXT = new AtomicReference<>();

    /** The context of the probe started last; fails if none was started. */
    static PluginContext context() {
        PluginContext context = CONTEXT.get();
        if (context == null) {
            throw new IllegalStateException("no server started the services probe plugin");
        }
        return context;
    }

    @Override
    public String name() {
        return "services-probe";
    }

    @Override
    public void start(PluginContext context) {
        CONTEXT.set(context);
    }

    @Override
    public void stop() {
        CONTEXT.set(null);
    }
}
