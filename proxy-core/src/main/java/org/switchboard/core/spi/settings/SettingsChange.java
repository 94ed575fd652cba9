package org.switchboard.core.spi.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link Settings#update} changed. Immutable.
 *
 * @param section the section changed
 * @param before its values before
 * @param after its values now in effect (for {@link Applies.When#RESTART} settings: stored, in
 *     effect after the restart)
 * @param changed the settings whose value differs, in component order; never empty
 * @param restartRequired whether any changed setting applies only at restart
 * @param who who made the change, for the audit log: an admin's login, {@code cli}
 * @param <R> the section's record type
 */
public record SettingsChange<R extends Record>(Section<R> section, R before, R after, List<Setting> changed,
        boolean restartRequired, String who) {

    /** @throws IllegalArgumentException if nothing changed */
    public SettingsChange {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(who, "who");
        changed = List.copyOf(changed);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("a change of section " + section + " must change a setting");
        }
    }

    /**
     * This change with its record type, if it is of that section: lets a listener that follows one
     * section read the values without a cast.
     */
    @SuppressWarnings("unchecked")
    public <T extends Record> Optional<SettingsChange<T>> of(Section<T> wanted) {
        return section == wanted ? Optional.of((SettingsChange<T>) this) : Optional.empty();
    }
}
