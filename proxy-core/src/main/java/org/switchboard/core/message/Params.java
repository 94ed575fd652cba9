package org.switchboard.core.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ordered, immutable list of {@code ;name=value} parameters, names compared case-insensitively.
 * A parameter without a value has a {@code null} value. Values keep their original spelling
 * (quoted strings keep their quotes) so that re-serialising changes nothing.
 */
public final class Params {
    /** No parameters. */
    public static final Params EMPTY = new Params("", new int[0], 0);

    private static final int NO_VALUE = -1;

    /**
     * The text the parameters were parsed from (for a header value, that value itself, shared rather
     * than copied) and four offsets per parameter into it: name start and end, value start and end
     * (value start {@link #NO_VALUE} for a valueless one). Strings are cut only for what is asked.
     */
    private final String src;
    private final int[] bounds;
    private final int count;

    private Params(String src, int[] bounds, int count) {
        this.src = src;
        this.bounds = bounds;
        this.count = count;
    }

    /**
     * Parses parameters from {@code s} starting at {@code i}, which is at a ';' or at the end.
     * Stops at {@code stop} characters outside quotes (e.g. ',' or '?'), returning the stop index in
     * {@code end[0]}.
     */
    static Params parse(String s, int i, String stops, int[] end) {
        int[] bounds = null;
        int count = 0;
        int n = s.length();
        i = Grammar.skipWhitespace(s, i);
        while (i < n && s.charAt(i) == ';') {
            i = Grammar.skipWhitespace(s, i + 1);
            int nameStart = i;
            while (i < n && Grammar.isToken(s.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw new SipParseException("Empty parameter name");
            }
            int nameEnd = i;
            i = Grammar.skipWhitespace(s, i);
            int valueStart = NO_VALUE;
            int valueEnd = NO_VALUE;
            if (i < n && s.charAt(i) == '=') {
                i = Grammar.skipWhitespace(s, i + 1);
                valueStart = i;
                if (i < n && s.charAt(i) == '"') {
                    i = Grammar.endOfQuoted(s, i);
                } else {
                    while (i < n && isValueChar(s.charAt(i))) {
                        i++;
                    }
                    if (i == valueStart) {
                        throw new SipParseException("Empty value of parameter " + s.substring(nameStart, nameEnd));
                    }
                }
                valueEnd = i;
                i = Grammar.skipWhitespace(s, i);
            }
            if (bounds == null) {
                // room for two parameters, as most URIs and header values have no more
                bounds = new int[8];
            } else if (count * 4 == bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            int b = count++ * 4;
            bounds[b] = nameStart;
            bounds[b + 1] = nameEnd;
            bounds[b + 2] = valueStart;
            bounds[b + 3] = valueEnd;
        }
        if (i < n && stops.indexOf(s.charAt(i)) < 0) {
            throw new SipParseException("Unexpected '" + s.charAt(i) + "' in parameters");
        }
        end[0] = i;
        return count == 0 ? EMPTY : new Params(s, bounds, count);
    }

    private static boolean isValueChar(char c) {
        // token, plus the characters of IPv6 references and URI parameter values (RFC 3261 §25.1
        // paramchar); never '?', which starts the headers of a URI
        return Grammar.isToken(c) || c == '[' || c == ']' || c == ':' || c == '/' || c == '@' || c == '&'
                || c == '$' || c == '(' || c == ')' || c >= 128;
    }

    /** Whether a parameter of this name is present (with or without a value). */
    public boolean has(String name) {
        return find(name) >= 0;
    }

    /** The raw value of the named parameter, or {@code null} if absent or valueless. */
    public String get(String name) {
        int k = find(name);
        return k < 0 ? null : value(k);
    }

    /** The value with surrounding quotes removed and escapes resolved. */
    public String getUnquoted(String name) {
        String v = get(name);
        return v != null && v.length() >= 2 && v.charAt(0) == '"' ? Grammar.unquote(v) : v;
    }

    /** The index of the named parameter, or -1. */
    private int find(String name) {
        for (int k = 0; k < count; k++) {
            if (matches(k, name)) {
                return k;
            }
        }
        return -1;
    }

    private boolean matches(int k, String name) {
        int ns = bounds[k * 4];
        return bounds[k * 4 + 1] - ns == name.length() && src.regionMatches(true, ns, name, 0, name.length());
    }

    private String name(int k) {
        return src.substring(bounds[k * 4], bounds[k * 4 + 1]);
    }

    private String value(int k) {
        int vs = bounds[k * 4 + 2];
        return vs == NO_VALUE ? null : src.substring(vs, bounds[k * 4 + 3]);
    }

    /** A copy with {@code name} set to {@code value} (replacing an existing one in place). */
    public Params with(String name, String value) {
        int at = find(name);
        Builder b = new Builder(count + 1);
        for (int k = 0; k < count; k++) {
            if (k == at) {
                b.add(name(k), value);
            } else {
                b.add(name(k), value(k));
            }
        }
        if (at < 0) {
            b.add(name, value);
        }
        return b.build();
    }

    /** A copy without the named parameter. */
    public Params without(String name) {
        int at = find(name);
        if (at < 0) {
            return this;
        }
        Builder b = new Builder(count);
        for (int k = 0; k < count; k++) {
            if (!matches(k, name)) {
                b.add(name(k), value(k));
            }
        }
        return b.build();
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Parameter names in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            names.add(name(k));
        }
        return names;
    }

    void appendTo(StringBuilder b) {
        for (int k = 0; k < count; k++) {
            b.append(';').append(src, bounds[k * 4], bounds[k * 4 + 1]);
            int vs = bounds[k * 4 + 2];
            if (vs != NO_VALUE) {
                b.append('=').append(src, vs, bounds[k * 4 + 3]);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        appendTo(b);
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.toString().equalsIgnoreCase(toString());
    }

    @Override
    public int hashCode() {
        return toString().toLowerCase(java.util.Locale.ROOT).hashCode();
    }

    /** Collects parameters given as strings into one source text with offsets. */
    private static final class Builder {
        private final StringBuilder text = new StringBuilder(64);
        private final int[] bounds;
        private int count;

        Builder(int capacity) {
            bounds = new int[Math.max(1, capacity) * 4];
        }

        void add(String name, String value) {
            int b = count++ * 4;
            bounds[b] = text.length();
            text.append(name);
            bounds[b + 1] = text.length();
            bounds[b + 2] = NO_VALUE;
            bounds[b + 3] = NO_VALUE;
            if (value != null) {
                bounds[b + 2] = text.length();
                text.append(value);
                bounds[b + 3] = text.length();
            }
        }

        Params build() {
            return count == 0 ? EMPTY : new Params(text.toString(), bounds, count);
        }
    }
}
