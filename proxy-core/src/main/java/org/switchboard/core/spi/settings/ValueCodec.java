package org.switchboard.core.spi.settings;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one setting's value into its stored text and back. Each kind of value a setting may have
 * has one codec; {@link #forType} picks it from a record component's type. Stateless and
 * thread-safe.
 */
abstract class ValueCodec {

    /** What a valid text looks like, for messages: "a duration like 30s, 500ms or 3m". */
    abstract String expected();

    /**
     * Parses stored or typed text.
     *
     * @throws IllegalArgumentException if the text is not of this kind
     */
    abstract Object parse(String text);

    /**
     * The text that {@link #parse} turns back into an equal value.
     *
     * @throws IllegalArgumentException if the value cannot be written so (null, a list element
     *     holding a comma, a duration finer than milliseconds)
     */
    abstract String format(Object value);

    /** The codec for a record component of this type, if settings support the type. */
    static Optional<ValueCodec> forType(Type type) {
        if (type == String.class) {
            return Optional.of(TEXT);
        } else if (type == int.class) {
            return Optional.of(INT);
        } else if (type == long.class) {
            return Optional.of(LONG);
        } else if (type == boolean.class) {
            return Optional.of(BOOLEAN);
        } else if (type == Duration.class) {
            return Optional.of(DURATION);
        } else if (type instanceof Class<?> c && c.isEnum()) {
            return Optional.of(new EnumCodec(c.asSubclass(Enum.class)));
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == String.class) {
            return Optional.of(LIST);
        }
        return Optional.empty();
    }

    private static <T> T require(Object value, Class<T> type) {
        if (value == null) {
            throw new IllegalArgumentException("a value is required, not null");
        }
        return type.cast(value);
    }

    static final ValueCodec TEXT = new ValueCodec() {
        @Override
        String expected() {
            return "text";
        }

        @Override
        Object parse(String text) {
            return text;
        }

        @Override
        String format(Object value) {
            return require(value, String.class);
        }
    };

    static final ValueCodec INT = new ValueCodec() {
        @Override
        String expected() {
            return "a whole number";
        }

        @Override
        Object parse(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not " + expected() + " up to " + Integer.MAX_VALUE);
            }
        }

        @Override
        String format(Object value) {
            return require(value, Integer.class).toString();
        }
    };

    static final ValueCodec LONG = new ValueCodec() {
        @Override
        String expected() {
            return "a whole number";
        }

        @Override
        Object parse(String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not " + expected());
            }
        }

        @Override
        String format(Object value) {
            return require(value, Long.class).toString();
        }
    };

    static final ValueCodec BOOLEAN = new ValueCodec() {
        @Override
        String expected() {
            return "true or false";
        }

        @Override
        Object parse(String text) {
            String t = text.strip();
            if (t.equalsIgnoreCase("true")) {
                return true;
            } else if (t.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("'" + text + "' is not " + expected());
        }

        @Override
        String format(Object value) {
            return require(value, Boolean.class).toString();
        }
    };

    /** Durations as a whole number and one unit: {@code 500ms}, {@code 30s}, {@code 3m}, {@code 2h}, {@code 1d}. */
    static final ValueCodec DURATION = new ValueCodec() {
        private final Pattern form = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

        @Override
        String expected() {
            return "a duration like 30s, 500ms or 3m (units ms, s, m, h, d)";
        }

        @Override
        Object parse(String text) {
            Matcher m = form.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not " + expected());
            }
            long amount = Long.parseLong(m.group(1));
            try {
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration");
            }
        }

        @Override
        String format(Object value) {
            Duration d = require(value, Duration.class);
            if (d.isNegative()) {
                throw new IllegalArgumentException("a duration must not be negative, not " + d);
            }
            if (d.getNano() % 1_000_000 != 0) {
                throw new IllegalArgumentException("a duration must be whole milliseconds, not " + d);
            }
            long ms = d.toMillis();
            if (ms == 0) {
                return "0s";
            }
            // the largest unit that divides exactly, so 180000 ms reads as 3m
            long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
            String[] units = {"d", "h", "m", "s"};
            for (int i = 0; i < sizes.length; i++) {
                if (ms % sizes[i] == 0) {
                    return ms / sizes[i] + units[i];
                }
            }
            return ms + "ms";
        }
    };

    /** Comma-separated values, blanks around each ignored; the empty text is the empty list. */
    static final ValueCodec LIST = new ValueCodec() {
        @Override
        String expected() {
            return "comma-separated values";
        }

        @Override
        Object parse(String text) {
            if (text.isBlank()) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                String v = part.strip();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' has an empty element; expected " + expected());
                }
                values.add(v);
            }
            return List.copyOf(values);
        }

        @Override
        String format(Object value) {
            List<?> list = require(value, List.class);
            List<String> parts = new ArrayList<>();
            for (Object element : list) {
                String s = require(element, String.class);
                if (s.isBlank() || s.contains(",") || !s.equals(s.strip())) {
                    throw new IllegalArgumentException("list element '" + s
                            + "' cannot be stored: it must be non-blank, without commas or surrounding blanks");
                }
                parts.add(s);
            }
            return String.join(",", parts);
        }
    };

    /** An enum constant by name, ignoring case, {@code -} standing for {@code _}; written lower case. */
    private static final class EnumCodec extends ValueCodec {
        private final Class<? extends Enum<?>> type;

        @SuppressWarnings({"unchecked", "rawtypes"})
        EnumCodec(Class<? extends Enum> type) {
            this.type = (Class<? extends Enum<?>>) (Class) type;
        }

        @Override
        String expected() {
            List<String> names = new ArrayList<>();
            for (Enum<?> constant : type.getEnumConstants()) {
                names.add(format(constant));
            }
            return "one of " + String.join(", ", names);
        }

        @Override
        Object parse(String text) {
            String wanted = text.strip().replace('-', '_');
            for (Enum<?> constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not " + expected());
        }

        @Override
        String format(Object value) {
            return require(value, type).name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
