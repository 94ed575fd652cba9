/**
 * Wiring of the phone inventory offered to the plug-and-play plugin: {@link
 * org.switchboard.server.devices.DeviceInventories} builds pnp's inventory over the phones and users
 * of the running server, from its configuration.
 */
package org.switchboard.server.devices;
