/**
 * Loading and running plugins: {@link java.util.ServiceLoader} discovery, the
 * {@link org.switchboard.core.plugin.PluginContext} the server hands them, and their lifecycle.
 */
package org.switchboard.server.plugin;
