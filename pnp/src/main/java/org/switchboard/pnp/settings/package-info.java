/**
 * Settings files: the data a phone's file is made of ({@link
 * org.switchboard.pnp.settings.PhoneSettingsModel}) and its rendering from FreeMarker templates
 * that ship in the jar and can be overridden in {@code <data-dir>/templates/}.
 */
package org.switchboard.pnp.settings;
