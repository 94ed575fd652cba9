package org.switchboard.core.spi.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value given at start by a flag or an environment variable. It wins over the stored value and
 * pins the setting for the run: {@link Settings#update} refuses to change it. Immutable.
 *
 * @param key the setting's key, e.g. {@code proxy.ringTimeout}
 * @param value its text, in the form of {@link Setting#expected()}, e.g. {@code 180s}
 * @param origin what gave it, for messages: {@code --proxy-ring-timeout} or {@code
 *     SWITCHBOARD_PROXY_RING_TIMEOUT}
 */
public record SettingOverride(String key, String value, String origin) {

    /** @throws NullPointerException if a part is missing */
    public SettingOverride {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * The overrides that the environment gives for these sections: each setting's {@link
     * Setting#environmentVariable()} that is set and not blank.
     *
     * @param environment variable names to values, e.g. {@link System#getenv()}
     */
    public static List<SettingOverride> fromEnvironment(Map<String, String> environment,
            Collection<Section<?>> sections) {
        List<SettingOverride> overrides = new ArrayList<>();
        for (Section<?> section : sections) {
            for (Setting setting : section.settings()) {
                String value = environment.get(setting.environmentVariable());
                if (value != null && !value.isBlank()) {
                    overrides.add(new SettingOverride(setting.key(), value, setting.environmentVariable()));
                }
            }
        }
        return List.copyOf(overrides);
    }
}
