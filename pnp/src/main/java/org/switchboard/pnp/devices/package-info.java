/**
 * The phone inventory: devices (by MAC) that announced themselves by plug-and-play or that an
 * admin registered, and the users assigned to their lines. {@link
 * org.switchboard.core.spi.store.DeviceStore} keeps them; {@link
 * org.switchboard.pnp.devices.DeviceRegistry} is what the CLI and provisioning call. Every
 * operation blocks on the database.
 */
package org.switchboard.pnp.devices;
