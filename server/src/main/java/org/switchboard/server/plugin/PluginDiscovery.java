package org.switchboard.server.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.Plugin;

/**
 * Finds plugins on the class path with {@link ServiceLoader}, leaving out those the configuration
 * switched off, in name order so that start order does not depend on the class path. Stateless.
 */
public final class PluginDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

    private PluginDiscovery() {
    }

    /** @param disabled names of plugins not to run, e.g. {@code pnp} for {@code --no-pnp} */
    public static List<Plugin> load(Set<String> disabled) {
        List<Plugin> found = new ArrayList<>();
        for (Plugin plugin : ServiceLoader.load(Plugin.class)) {
            if (disabled.contains(plugin.name())) {
                LOG.info("Plugin {} is switched off", plugin.name());
            } else {
                found.add(plugin);
            }
        }
        found.sort(Comparator.comparing(Plugin::name));
        return found;
    }
}
