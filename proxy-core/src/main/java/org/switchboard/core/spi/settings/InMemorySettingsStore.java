package org.switchboard.core.spi.settings;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link SettingsStore} in memory, for tests and for running without a database: what is saved
 * lasts until the process ends. Thread-safe (every method holds this object's monitor briefly);
 * never blocks on anything else.
 */
public final class InMemorySettingsStore implements SettingsStore {
    private final Map<String, Map<String, String>> sections = new HashMap<>();

    /** An empty store. */
    public InMemorySettingsStore() {
    }

    /** A store holding these values at first, e.g. as a previous run left them. */
    public InMemorySettingsStore(Map<String, Map<String, String>> initial) {
        initial.forEach(this::save);
    }

    @Override
    public synchronized Map<String, Map<String, String>> loadAll() {
        Map<String, Map<String, String>> copy = new HashMap<>();
        sections.forEach((section, values) -> copy.put(section, Map.copyOf(values)));
        return Map.copyOf(copy);
    }

    @Override
    public synchronized void save(String section, Map<String, String> values) {
        sections.computeIfAbsent(section, s -> new HashMap<>()).putAll(values);
    }
}
