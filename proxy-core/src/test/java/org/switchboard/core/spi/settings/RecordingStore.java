package org.switchboard.core.spi.settings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A settings store in memory that remembers each save, and can be told to fail the next one. */
final class RecordingStore implements SettingsStore {
    record Save(String section, Map<String, String> values) {
    }

    final InMemorySettingsStore stored;
    final List<Save> saves = new CopyOnWriteArrayList<>();
    volatile RuntimeException failNextSave;

    RecordingStore(Map<String, Map<String, String>> initial) {
        stored = new InMemorySettingsStore(initial);
    }

    @Override
    public Map<String, Map<String, String>> loadAll() {
        return stored.loadAll();
    }

    @Override
    public void save(String section, Map<String, String> values) {
        RuntimeException failure = failNextSave;
        if (failure != null) {
            failNextSave = null;
            throw failure;
        }
        saves.add(new Save(section, Map.copyOf(values)));
        stored.save(section, values);
    }
}
