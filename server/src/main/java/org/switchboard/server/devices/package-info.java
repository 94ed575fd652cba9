/**
 * The phone inventory offered to the plug-and-play plugin: {@link
 * org.switchboard.server.devices.StoreDeviceInventory} records phones and applies the policy for
 * discovered ones, {@link org.switchboard.server.devices.PhoneSettingsAssembler} builds a phone's
 * settings from its device record and the user directory. Everything here blocks on the database.
 */
package org.switchboard.server.devices;
