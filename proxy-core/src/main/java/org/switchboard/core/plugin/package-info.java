/**
 * The plugin SPI: what a feature module (provisioning, web admin) implements to be found with
 * {@link java.util.ServiceLoader} and started by the server, and the {@link
 * org.switchboard.core.plugin.PluginContext} through which it reaches the server's services. The
 * context exposes interfaces only, so a plugin never depends on the server module; the SPI is
 * versioned by {@link org.switchboard.core.plugin.Plugin#API_VERSION}.
 */
package org.switchboard.core.plugin;
