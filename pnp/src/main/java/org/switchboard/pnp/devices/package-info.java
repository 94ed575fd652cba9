/**
 * The phone inventory: {@link org.switchboard.pnp.devices.DeviceRegistry} records phones, assigns
 * users to their lines and keeps their web admin passwords; {@link
 * org.switchboard.pnp.devices.StoreDeviceInventory} offers it to the plug-and-play plugin and
 * applies the policy for discovered phones; {@link org.switchboard.pnp.devices.PhoneSettingsAssembler}
 * builds a phone's settings from its device record and the users. Everything here blocks on the
 * store.
 */
package org.switchboard.pnp.devices;
