/**
 * Typed live settings: what an admin may change while the server runs, stored in the database,
 * overridable at start by flags and environment variables.
 *
 * <p>A feature declares a {@link org.switchboard.core.spi.settings.Section}: a name and a record
 * whose components are the settings, each marked {@link org.switchboard.core.spi.settings.Applies}
 * live or at restart, with the record's defaults. The record validates itself in its compact
 * constructor. {@link org.switchboard.core.spi.settings.Settings} hands out the current record of a
 * section with one volatile read (no lock, no allocation: safe on an event loop), and changes a
 * section by validating, persisting through a blocking {@link
 * org.switchboard.core.spi.settings.SettingsStore}, swapping an immutable snapshot and telling
 * {@link org.switchboard.core.spi.settings.SettingsListener}s what changed.
 *
 * <p>Values are stored as text, one row per setting ({@code proxy.ringTimeout = 180s}); the text
 * forms are those of {@link org.switchboard.core.spi.settings.Setting#expected()}. Nothing in this
 * package touches JDBC; the store module implements {@code SettingsStore}.
 */
package org.switchboard.core.spi.settings;
