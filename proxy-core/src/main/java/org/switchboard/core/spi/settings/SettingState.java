package org.switchboard.core.spi.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting as an admin sees it: its value now, its default, where the value comes from, and
 * whether a change still waits for a restart. Immutable; made by {@link Settings#describe}.
 *
 * @param setting the setting
 * @param value the current value as text
 * @param defaultValue the section's default as text
 * @param source where the current value comes from
 * @param pinnedBy for {@link Source#OVERRIDE}, the flag or environment variable that set it
 * @param pendingRestart whether the setting applies at restart and its value differs from the one
 *     the server started with
 */
public record SettingState(Setting setting, String value, String defaultValue, Source source,
        Optional<String> pinnedBy, boolean pendingRestart) {

    /** Where a setting's current value comes from. */
    public enum Source {
        /** Nothing stored or overridden: the section's default. */
        DEFAULT,
        /** The store (an admin's change, now or in an earlier run). */
        STORED,
        /** A flag or environment variable at start; the setting cannot be changed until a restart without it. */
        OVERRIDE
    }

    /** @throws NullPointerException if a part is missing */
    public SettingState {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pinnedBy, "pinnedBy");
    }

    /** Whether a start-time flag or environment variable set this value, so changes are refused. */
    public boolean pinned() {
        return source == Source.OVERRIDE;
    }
}
