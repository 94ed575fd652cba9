package org.switchboard.core.spi.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Objects;

/**
 * One setting: a component of a {@link Section}'s record, with its name, when a change applies,
 * and its text form. Immutable and thread-safe; made by {@link Section#of}.
 */
public final class Setting {
    private final String section;
    private final String name;
    private final Applies.When applies;
    private final ValueCodec codec;
    private final Method accessor;
    private final int index;

    Setting(String section, String name, Applies.When applies, ValueCodec codec, Method accessor, int index) {
        this.section = section;
        this.name = name;
        this.applies = applies;
        this.codec = codec;
        this.accessor = accessor;
        this.index = index;
    }

    /** The record component's name, e.g. {@code ringTimeout}. */
    public String name() {
        return name;
    }

    /** Section and name, e.g. {@code proxy.ringTimeout}: how overrides, logs and messages name the setting. */
    public String key() {
        return section + "." + name;
    }

    /** Whether a change applies live or at the next restart. */
    public Applies.When applies() {
        return applies;
    }

    /** What a valid text looks like, e.g. "a duration like 30s, 500ms or 3m (units ms, s, m, h, d)". */
    public String expected() {
        return codec.expected();
    }

    /**
     * The command-line flag a server may offer for this setting: {@code proxy.ringTimeout} is
     * {@code --proxy-ring-timeout}.
     */
    public String flag() {
        return "--" + words(section, '-').toLowerCase(Locale.ROOT) + "-" + words(name, '-').toLowerCase(Locale.ROOT);
    }

    /**
     * The environment variable for this setting, matching the server's rule for its other flags:
     * {@code proxy.ringTimeout} is {@code SWITCHBOARD_PROXY_RING_TIMEOUT}.
     */
    public String environmentVariable() {
        return "SWITCHBOARD_" + words(section, '_').toUpperCase(Locale.ROOT) + "_"
                + words(name, '_').toUpperCase(Locale.ROOT);
    }

    /**
     * The text form of a value of this setting, as stored.
     *
     * @throws InvalidSettingException if the value has none (null, a list element with a comma, a
     *     duration finer than milliseconds)
     */
    public String format(Object value) {
        try {
            return codec.format(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidSettingException(key(), e.getMessage());
        }
    }

    /**
     * The value a text stands for.
     *
     * @throws InvalidSettingException naming this setting, the text and the expected form
     */
    public Object parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return codec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key(), e.getMessage());
        }
    }

    /** This setting's value in a record of its section. */
    Object read(Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + key(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + key() + " failed", e.getCause());
        }
    }

    /** The position of this setting's component in the record. */
    int index() {
        return index;
    }

    @Override
    public String toString() {
        return key();
    }

    /** {@code ringTimeout} with '_' is {@code ring_Timeout}; the callers change the case. */
    private static String words(String camel, char separator) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2");
    }
}
