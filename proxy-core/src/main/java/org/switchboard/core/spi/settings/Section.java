package org.switchboard.core.spi.settings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named group of settings, declared by a record: one component per setting, each marked {@link
 * Applies}, of a type settings support (String, int, long, boolean, {@link java.time.Duration}, an
 * enum, {@code List<String>}), never null (use {@code ""} or an empty list for "not set"). The
 * record validates its values in its compact constructor with an {@link IllegalArgumentException}
 * whose message names the component and what was expected; lists should be copied with {@code
 * List.copyOf}.
 *
 * <pre>{@code
 * public record ProxyTimes(@Applies(LIVE) Duration ringTimeout, @Applies(LIVE) boolean followRedirects) {
 *     public static final Section<ProxyTimes> SECTION =
 *             Section.of("proxy", ProxyTimes.class, new ProxyTimes(Duration.ofSeconds(120), true));
 * }
 * }</pre>
 *
 * A section is a constant, compared by identity; {@link Settings} refuses two with one name.
 * Immutable and thread-safe.
 *
 * @param <R> the record type
 */
public final class Section<R extends Record> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private final String name;
    private final Class<R> type;
    private final R defaults;
    private final List<Setting> settings;
    private final Map<String, Setting> byName;
    private final Constructor<R> constructor;

    private Section(String name, Class<R> type, R defaults, List<Setting> settings, Constructor<R> constructor) {
        this.name = name;
        this.type = type;
        this.settings = List.copyOf(settings);
        Map<String, Setting> names = new LinkedHashMap<>();
        for (Setting s : settings) {
            names.put(s.name(), s);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.constructor = constructor;
        this.defaults = defaults;
    }

    /**
     * Declares a section.
     *
     * @param name a lower camel case word such as {@code proxy} or {@code registrar}; the first part
     *     of every setting's key
     * @param type the record
     * @param defaults the values used where nothing is stored or overridden; also proves that every
     *     value has a text form
     * @throws IllegalArgumentException if the name is not a camel case word, a component lacks
     *     {@link Applies} or has a type settings do not support, or a default cannot be written as text
     */
    public static <R extends Record> Section<R> of(String name, Class<R> type, R defaults) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaults, "defaults");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("section name '" + name + "' is not a lower camel case word");
        }
        RecordComponent[] components = type.getRecordComponents();
        List<Setting> settings = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String key = name + "." + c.getName();
            Applies applies = c.getAnnotation(Applies.class);
            if (applies == null) {
                throw new IllegalArgumentException(key + " has no @Applies(LIVE or RESTART) mark");
            }
            ValueCodec codec = ValueCodec.forType(c.getGenericType()).orElseThrow(() -> new IllegalArgumentException(
                    key + " has type " + c.getGenericType().getTypeName() + ", which settings do not support; use "
                            + "String, int, long, boolean, Duration, an enum or List<String>"));
            c.getAccessor().setAccessible(true);
            settings.add(new Setting(name, c.getName(), applies.value(), codec, c.getAccessor(), i));
            types[i] = c.getType();
        }
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
        Section<R> section = new Section<>(name, type, defaults, settings, constructor);
        section.encode(defaults);
        return section;
    }

    /** The section's name, e.g. {@code proxy}. */
    public String name() {
        return name;
    }

    /** The record type. */
    public Class<R> type() {
        return type;
    }

    /** The values used where nothing is stored or overridden. */
    public R defaults() {
        return defaults;
    }

    /** The settings in the record's component order. */
    public List<Setting> settings() {
        return settings;
    }

    /** The setting with this component name, if the section has one. */
    public Optional<Setting> setting(String settingName) {
        return Optional.ofNullable(byName.get(settingName));
    }

    /**
     * Every setting of a record as text, by name, in component order.
     *
     * @throws InvalidSettingException if a value has no text form (null, a list element with a comma)
     */
    public Map<String, String> encode(R value) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Setting s : settings) {
            text.put(s.name(), s.format(s.read(value)));
        }
        return Collections.unmodifiableMap(text);
    }

    /**
     * Builds a record from texts, strictly: every name must be a setting and every text valid;
     * settings not named keep their value in {@code base}.
     *
     * @throws InvalidSettingException naming the first unknown or malformed setting, or the
     *     section when the record refuses the combination
     */
    public R decode(R base, Map<String, String> texts) {
        Object[] values = values(base);
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Setting s = setting(e.getKey()).orElseThrow(() -> new InvalidSettingException(name + "." + e.getKey(),
                    "there is no such setting; settings of section " + name + " are " + byName.keySet()));
            values[s.index()] = s.parse(e.getValue());
        }
        return construct(values);
    }

    /** The record's component values, in component order. */
    Object[] values(R record) {
        Object[] values = new Object[settings.size()];
        for (Setting s : settings) {
            values[s.index()] = s.read(record);
        }
        return values;
    }

    /**
     * A record of these component values, through the record's own validation.
     *
     * @throws InvalidSettingException carrying the record's message, if it refuses the values
     */
    R construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new InvalidSettingException(name, String.valueOf(cause.getMessage()));
            }
            if (cause instanceof NullPointerException) {
                throw new InvalidSettingException(name, "a value is missing: " + cause.getMessage());
            }
            throw new IllegalStateException("building settings section " + name + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build settings section " + name, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
