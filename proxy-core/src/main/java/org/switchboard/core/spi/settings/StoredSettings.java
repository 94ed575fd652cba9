package org.switchboard.core.spi.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Settings} kept in a {@link SettingsStore}, with start-time overrides.
 *
 * <p>At {@link #open}, each setting takes its override if one is given, else its stored value, else
 * the section's default. What is stored never stops the server: a name this version does not know
 * (a newer version may have written it) is logged once and ignored, a malformed value is logged and
 * replaced by the default, and stored values that the record refuses together are logged and
 * replaced by the defaults. Overrides come from the admin's command line, so a wrong one stops the
 * start with an {@link InvalidSettingException} instead.
 *
 * <p>An overridden setting is pinned: {@link #update} refuses to change it with a {@link
 * PinnedSettingException} naming the flag or variable, rather than storing a value that would not
 * be in effect (an admin who saves a value expects to see it apply). Changing other settings of
 * the same section is allowed. An update stores only the settings it changed, so settings never
 * changed keep following the defaults of newer versions.
 *
 * <p>Threading: all values live in one immutable snapshot behind a volatile field; {@link
 * #current} reads it without a lock. Updates hold a lock among themselves while they store, swap
 * the snapshot and hand the change to the listeners' executors, so changes reach each listener in
 * order.
 */
public final class StoredSettings implements Settings {
    private static final Logger LOG = LoggerFactory.getLogger(StoredSettings.class);

    /** What readers see; replaced whole on each update. */
    private record Snapshot(Map<Section<?>, Record> values, Map<Section<?>, Set<String>> stored) {
    }

    private record Subscription(SettingsListener listener, Executor executor) {
    }

    private final SettingsStore store;
    private final List<Section<?>> sections;
    private final Map<String, SettingOverride> pins;
    private final Map<String, Object> pinnedValues;
    /** The texts of each section as last read from the store by {@link #refresh}; guarded by {@link #updates}. */
    private final Map<String, Map<String, String>> lastRead = new HashMap<>();
    private final Map<Section<?>, Record> atStart;
    private final ReentrantLock updates = new ReentrantLock();
    private final List<Subscription> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    private StoredSettings(SettingsStore store, List<Section<?>> sections, Map<String, SettingOverride> pins,
            Map<String, Object> pinnedValues, Snapshot first) {
        this.store = store;
        this.sections = sections;
        this.pins = pins;
        this.pinnedValues = pinnedValues;
        this.atStart = first.values();
        this.snapshot = first;
    }

    /**
     * Loads the stored settings of these sections and applies the overrides. Blocking (reads the
     * store).
     *
     * @param store where settings are kept
     * @param sections every section the server uses, each name once
     * @param overrides values given at start; of two for one setting the later wins, so pass the
     *     environment's first and the command line's after them
     * @throws InvalidSettingException if an override names no setting or its value is not valid
     * @throws IllegalArgumentException if two sections share a name
     * @throws RuntimeException from the store if it cannot be read
     */
    public static StoredSettings open(SettingsStore store, Collection<? extends Section<?>> sections,
            Collection<SettingOverride> overrides) {
        Objects.requireNonNull(store, "store");
        Map<String, Section<?>> byName = new LinkedHashMap<>();
        for (Section<?> section : sections) {
            if (byName.putIfAbsent(section.name(), section) != null) {
                throw new IllegalArgumentException("two settings sections are named " + section.name());
            }
        }
        Map<String, SettingOverride> pins = new LinkedHashMap<>();
        Map<String, Object> pinnedValues = new HashMap<>();
        for (SettingOverride override : overrides) {
            Setting setting = find(byName, override);
            try {
                pinnedValues.put(setting.key(), setting.parse(override.value()));
            } catch (InvalidSettingException e) {
                throw new InvalidSettingException(setting.key(), "'" + override.value() + "' given by "
                        + override.origin() + " is not valid; expected " + setting.expected());
            }
            pins.put(setting.key(), override);
        }
        Map<String, Map<String, String>> stored = store.loadAll();
        for (String unknown : stored.keySet()) {
            if (!byName.containsKey(unknown)) {
                LOG.warn("Ignoring stored settings section '{}' ({}): this version has no such section; "
                        + "a newer version may have written it", unknown, stored.get(unknown).keySet());
            }
        }
        Map<Section<?>, Record> values = new HashMap<>();
        Map<Section<?>, Set<String>> storedNames = new HashMap<>();
        for (Section<?> section : byName.values()) {
            Set<String> names = new HashSet<>();
            values.put(section, load(section, stored.getOrDefault(section.name(), Map.of()), pins, pinnedValues,
                    names));
            storedNames.put(section, Set.copyOf(names));
        }
        pins.forEach((key, o) -> LOG.info("Setting {} = {} is pinned by {} for this run", key, o.value(), o.origin()));
        StoredSettings settings = new StoredSettings(store, List.copyOf(byName.values()), Map.copyOf(pins),
                Map.copyOf(pinnedValues), new Snapshot(Map.copyOf(values), Map.copyOf(storedNames)));
        for (String name : byName.keySet()) {
            settings.lastRead.put(name, stored.getOrDefault(name, Map.of()));
        }
        return settings;
    }

    private static Setting find(Map<String, Section<?>> sections, SettingOverride override) {
        String key = override.key();
        int dot = key.indexOf('.');
        Section<?> section = dot < 0 ? null : sections.get(key.substring(0, dot));
        if (section == null) {
            throw new InvalidSettingException(key, "given by " + override.origin()
                    + ", but there is no such setting; sections are " + sections.keySet());
        }
        return section.setting(key.substring(dot + 1)).orElseThrow(() -> new InvalidSettingException(key,
                "given by " + override.origin() + ", but there is no such setting; settings of section "
                        + section.name() + " are " + section.settings().stream().map(Setting::name).toList()));
    }

    /** One section's record from its stored texts and overrides; collects the names taken from the store. */
    private static <R extends Record> R load(Section<R> section, Map<String, String> stored,
            Map<String, SettingOverride> pins, Map<String, Object> pinnedValues, Set<String> storedNames) {
        Object[] values = section.values(section.defaults());
        for (Map.Entry<String, String> e : stored.entrySet()) {
            Optional<Setting> setting = section.setting(e.getKey());
            if (setting.isEmpty()) {
                LOG.warn("Ignoring stored setting {}.{} = '{}': this version has no such setting; "
                        + "a newer version may have written it", section.name(), e.getKey(), e.getValue());
                continue;
            }
            Setting s = setting.get();
            try {
                values[s.index()] = s.parse(e.getValue());
                storedNames.add(s.name());
            } catch (InvalidSettingException bad) {
                LOG.warn("Stored setting {} is not valid: {}; using the default {}", s.key(), bad.problem(),
                        s.format(s.read(section.defaults())));
            }
        }
        applyPins(section, values, pins, pinnedValues);
        try {
            return section.construct(values);
        } catch (InvalidSettingException bad) {
            LOG.warn("Stored settings of section {} do not fit together ({}); using the defaults {}",
                    section.name(), bad.problem(), section.encode(section.defaults()));
        }
        storedNames.clear();
        Object[] defaults = section.values(section.defaults());
        applyPins(section, defaults, pins, pinnedValues);
        try {
            return section.construct(defaults);
        } catch (InvalidSettingException bad) {
            throw new InvalidSettingException(section.name(), "the values given at start do not fit the defaults: "
                    + bad.problem());
        }
    }

    private static void applyPins(Section<?> section, Object[] values, Map<String, SettingOverride> pins,
            Map<String, Object> pinnedValues) {
        for (Setting s : section.settings()) {
            if (pins.containsKey(s.key())) {
                values[s.index()] = pinnedValues.get(s.key());
            }
        }
    }

    @Override
    public <R extends Record> R current(Section<R> section) {
        Record value = snapshot.values().get(section);
        if (value == null) {
            throw new IllegalArgumentException("settings section " + section.name() + " is not one of " + sections);
        }
        return section.type().cast(value);
    }

    @Override
    public <R extends Record> R update(Section<R> section, UnaryOperator<R> change, String who) {
        Objects.requireNonNull(change, "change");
        requireWho(who);
        updates.lock();
        try {
            R before = current(section);
            R proposed;
            try {
                proposed = change.apply(before);
            } catch (InvalidSettingException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(section.name(), String.valueOf(e.getMessage()));
            } catch (NullPointerException e) {
                throw new InvalidSettingException(section.name(), "a value is missing: " + e.getMessage());
            }
            if (proposed == null) {
                throw new InvalidSettingException(section.name(), "the change gave no values");
            }
            return commit(section, before, proposed, who);
        } finally {
            updates.unlock();
        }
    }

    @Override
    public <R extends Record> R update(Section<R> section, Map<String, String> values, String who) {
        Objects.requireNonNull(values, "values");
        requireWho(who);
        updates.lock();
        try {
            R before = current(section);
            return commit(section, before, section.decode(before, values), who);
        } finally {
            updates.unlock();
        }
    }

    private static void requireWho(String who) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("a settings change needs to say who makes it");
        }
    }

    /** Stores, swaps and notifies; called holding {@link #updates}. */
    private <R extends Record> R commit(Section<R> section, R before, R proposed, String who) {
        Map<String, String> texts = section.encode(proposed);
        // What runs is what the store gives back at the next start (and lists are immutable copies).
        R after = section.decode(section.defaults(), texts);
        List<Setting> changed = new ArrayList<>();
        for (Setting s : section.settings()) {
            if (!Objects.equals(s.read(before), s.read(after))) {
                changed.add(s);
            }
        }
        if (changed.isEmpty()) {
            return before;
        }
        Map<String, String> toSave = new LinkedHashMap<>();
        for (Setting s : changed) {
            SettingOverride pin = pins.get(s.key());
            if (pin != null) {
                throw new PinnedSettingException(s.key(), pin.origin());
            }
            toSave.put(s.name(), texts.get(s.name()));
        }
        store.save(section.name(), toSave);

        Snapshot old = snapshot;
        Map<Section<?>, Record> values = new HashMap<>(old.values());
        values.put(section, after);
        Map<Section<?>, Set<String>> stored = new HashMap<>(old.stored());
        Set<String> names = new HashSet<>(old.stored().get(section));
        names.addAll(toSave.keySet());
        stored.put(section, Set.copyOf(names));
        snapshot = new Snapshot(Map.copyOf(values), Map.copyOf(stored));

        boolean restart = changed.stream().anyMatch(s -> s.applies() == Applies.When.RESTART);
        LOG.info("Settings changed by {}: {}{}", who, describeChanges(changed, before, after),
                restart ? " (takes effect at the next restart)" : "");
        notifyListeners(new SettingsChange<>(section, before, after, changed, restart, who));
        return after;
    }

    /**
     * Takes in what another process stored since this one last read the store: another server
     * sharing the database, or the admin command on a database the server does not lock. Sections
     * that changed are swapped and told to the listeners, as by {@link #update}, with {@code who}
     * as the author; pinned settings stay pinned. Blocking (reads the store).
     *
     * @return how many sections changed
     * @throws RuntimeException from the store if it cannot be read; the values stay as they were
     */
    public int refresh(String who) {
        requireWho(who);
        updates.lock();
        try {
            Map<String, Map<String, String>> stored = store.loadAll();
            int changedSections = 0;
            for (Section<?> section : sections) {
                Map<String, String> texts = stored.getOrDefault(section.name(), Map.of());
                // unchanged texts are not parsed again, so a bad stored value is not logged at every refresh
                if (!texts.equals(lastRead.put(section.name(), texts)) && refreshSection(section, texts, who)) {
                    changedSections++;
                }
            }
            return changedSections;
        } finally {
            updates.unlock();
        }
    }

    /** Swaps one section if its stored values changed; called holding {@link #updates}. */
    private <R extends Record> boolean refreshSection(Section<R> section, Map<String, String> texts, String who) {
        R before = current(section);
        Set<String> names = new HashSet<>();
        R after = load(section, texts, pins, pinnedValues, names);
        List<Setting> changed = new ArrayList<>();
        for (Setting s : section.settings()) {
            if (!Objects.equals(s.read(before), s.read(after))) {
                changed.add(s);
            }
        }
        Snapshot old = snapshot;
        if (changed.isEmpty() && names.equals(old.stored().get(section))) {
            return false;
        }
        Map<Section<?>, Record> values = new HashMap<>(old.values());
        values.put(section, after);
        Map<Section<?>, Set<String>> storedNames = new HashMap<>(old.stored());
        storedNames.put(section, Set.copyOf(names));
        snapshot = new Snapshot(Map.copyOf(values), Map.copyOf(storedNames));
        if (changed.isEmpty()) {
            return false;
        }
        boolean restart = changed.stream().anyMatch(s -> s.applies() == Applies.When.RESTART);
        LOG.info("Settings changed by {}: {}{}", who, describeChanges(changed, before, after),
                restart ? " (takes effect at the next restart)" : "");
        notifyListeners(new SettingsChange<>(section, before, after, changed, restart, who));
        return true;
    }

    private static String describeChanges(List<Setting> changed, Record before, Record after) {
        List<String> parts = new ArrayList<>();
        for (Setting s : changed) {
            parts.add(s.key() + " " + s.format(s.read(before)) + " -> " + s.format(s.read(after)));
        }
        return String.join(", ", parts);
    }

    private void notifyListeners(SettingsChange<?> change) {
        for (Subscription subscription : listeners) {
            try {
                subscription.executor().execute(() -> {
                    try {
                        subscription.listener().onChange(change);
                    } catch (RuntimeException e) {
                        LOG.warn("Settings listener {} failed on the change of section {} by {}",
                                subscription.listener(), change.section(), change.who(), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.warn("Settings listener {} missed the change of section {}: its executor refused it",
                        subscription.listener(), change.section(), e);
            }
        }
    }

    @Override
    public List<Section<?>> sections() {
        return sections;
    }

    @Override
    public List<SettingState> describe(Section<?> section) {
        Snapshot snap = snapshot;
        Record now = snap.values().get(section);
        if (now == null) {
            throw new IllegalArgumentException("settings section " + section.name() + " is not one of " + sections);
        }
        Set<String> stored = snap.stored().get(section);
        Record started = atStart.get(section);
        List<SettingState> states = new ArrayList<>();
        for (Setting s : section.settings()) {
            SettingOverride pin = pins.get(s.key());
            SettingState.Source source = pin != null ? SettingState.Source.OVERRIDE
                    : stored.contains(s.name()) ? SettingState.Source.STORED : SettingState.Source.DEFAULT;
            Object value = s.read(now);
            boolean pending = s.applies() == Applies.When.RESTART && !Objects.equals(value, s.read(started));
            states.add(new SettingState(s, s.format(value), s.format(s.read(section.defaults())), source,
                    Optional.ofNullable(pin).map(SettingOverride::origin), pending));
        }
        return List.copyOf(states);
    }

    @Override
    public void addListener(SettingsListener listener, Executor executor) {
        listeners.add(new Subscription(Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(executor, "executor")));
    }

    @Override
    public void removeListener(SettingsListener listener) {
        for (Subscription s : listeners) {
            if (s.listener() == listener) {
                listeners.remove(s);
                return;
            }
        }
    }
}
