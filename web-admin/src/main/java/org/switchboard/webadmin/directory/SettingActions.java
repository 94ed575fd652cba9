package org.switchboard.webadmin.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;
import org.switchboard.core.spi.settings.SettingState;
import org.switchboard.core.spi.settings.Settings;

/**
 * What the settings page and API share: every setting as a row (value, default, source, live or
 * restart), and changing one live setting through the server's live settings, which validate,
 * store and apply it. Blocking (the settings store) on change. Stateless.
 */
public final class SettingActions {

    private SettingActions() {
    }

    /**
     * One setting as the page and the API show it (public, so that templates can read it).
     *
     * @param key section and name, e.g. {@code proxy.ringTimeout}
     * @param applies {@code live} or {@code restart}
     * @param source {@code default}, {@code stored}, or {@code override} (a flag or environment variable at start)
     * @param pinnedBy the flag or variable that pinned it, or "" when none
     * @param expected what a valid value looks like
     * @param changeable whether the page may change it: live and not pinned
     */
    public record Row(String section, String name, String key, String value, String defaultValue, String applies,
            String source, String pinnedBy, boolean pendingRestart, String expected, boolean changeable) {

        /** The row as the API writes it. */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            m.put("value", value);
            m.put("default", defaultValue);
            m.put("applies", applies);
            m.put("source", source);
            m.put("pinnedBy", pinnedBy.isEmpty() ? null : pinnedBy);
            m.put("pendingRestart", pendingRestart);
            m.put("expected", expected);
            return m;
        }
    }

    /** Every setting of every section, in the sections' order. */
    public static List<Row> rows(Settings settings) {
        return settings.sections().stream().flatMap(section -> settings.describe(section).stream()
                .map(s -> row(section, s))).toList();
    }

    private static Row row(Section<?> section, SettingState s) {
        boolean live = s.setting().applies() == Applies.When.LIVE;
        return new Row(section.name(), s.setting().name(), s.setting().key(), s.value(), s.defaultValue(),
                live ? "live" : "restart", s.source().name().toLowerCase(java.util.Locale.ROOT),
                s.pinnedBy().orElse(""), s.pendingRestart(), s.setting().expected(), live && !s.pinned());
    }

    /** The row of {@code key} ({@code section.name}), if there is such a setting. */
    public static Optional<Row> find(Settings settings, String key) {
        return rows(settings).stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /**
     * Changes one live setting.
     *
     * @return the setting as it is now
     * @throws IllegalArgumentException for an unknown setting, one that applies only at a restart, or a
     *     value the setting does not accept (naming what it expects)
     * @throws IllegalStateException when a flag or environment variable pinned the setting at start
     */
    public static Row change(Settings settings, String key, String value, String who) {
        Row before = find(settings, key).orElseThrow(() -> new IllegalArgumentException("There is no setting " + key
                + "."));
        if (!before.applies().equals("live")) {
            throw new IllegalArgumentException(key + " applies at a restart; change it in switchboard.conf.");
        }
        Section<?> section = settings.sections().stream().filter(s -> s.name().equals(before.section())).findFirst()
                .orElseThrow();
        settings.update(section, Map.of(before.name(), value), who);
        return find(settings, key).orElseThrow();
    }
}
