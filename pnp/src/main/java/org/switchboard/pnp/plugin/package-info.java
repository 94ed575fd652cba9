/**
 * Plug-and-play as a server plugin: {@link org.switchboard.pnp.plugin.PnpPlugin} (found with
 * {@link java.util.ServiceLoader}) registers the SUBSCRIBE processor and the multicast filter with
 * the SIP stack and mounts the provisioning handler on the HTTP server.
 */
package org.switchboard.pnp.plugin;
