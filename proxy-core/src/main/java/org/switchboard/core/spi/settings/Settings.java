package org.switchboard.core.spi.settings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The server's live settings, one record per {@link Section}.
 *
 * <p>Threading: {@link #current} is one volatile read of an immutable snapshot, taking no lock and
 * allocating nothing, so the proxy calls it on its event loops for every request that needs a
 * setting (read it each time rather than caching it, or a live change will not reach you). The
 * {@code update} methods <b>block</b> (they write the {@link SettingsStore}): call them from the
 * admin's thread or a blocking executor, never from an event loop. Updates are serialised; a reader
 * sees a section's values either all before or all after an update, never a mix.
 */
public interface Settings {

    /**
     * The section's values in effect now. Lock-free and allocation-free; safe on any thread.
     *
     * @throws IllegalArgumentException if the section was not given when these settings were made
     */
    <R extends Record> R current(Section<R> section);

    /**
     * Changes a section: applies {@code change} to the current record, validates the result (by
     * the record's constructor), stores the settings that changed, makes the new record current and
     * tells the listeners. Nothing happens when the result equals the current record. Blocking.
     *
     * @param change builds the new record from the current one, e.g. {@code p -> p.withRingTimeout(d)}
     * @param who who asks, for the audit log and the listeners
     * @return the record now in effect
     * @throws InvalidSettingException if the new values are not valid
     * @throws PinnedSettingException if the change touches a setting pinned at start
     * @throws RuntimeException from the store if it cannot write; then nothing changed
     */
    <R extends Record> R update(Section<R> section, UnaryOperator<R> change, String who);

    /**
     * Changes a section from texts, as a form or a command line gives them: {@code ringTimeout ->
     * "180s"}. Otherwise as {@link #update(Section, UnaryOperator, String)}. Blocking.
     *
     * @param values setting name (without the section) to text; settings not named keep their value
     * @throws InvalidSettingException for an unknown name or a malformed text, naming the setting and
     *     what was expected
     */
    <R extends Record> R update(Section<R> section, Map<String, String> values, String who);

    /** The sections these settings hold, in the order given. */
    List<Section<?>> sections();

    /** Every setting of a section with its value, default and source, for an admin page or the CLI. */
    List<SettingState> describe(Section<?> section);

    /**
     * Tells a listener of every change from now on, on the given executor; {@code Runnable::run}
     * calls it on the updating thread, while further updates wait, so such a listener must be quick
     * and must not update settings itself.
     */
    void addListener(SettingsListener listener, Executor executor);

    /** Stops telling a listener; changes already handed to its executor still reach it. */
    void removeListener(SettingsListener listener);
}
