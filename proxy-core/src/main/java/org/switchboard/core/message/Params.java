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
    public static final Params EMPTY = new Params(new byte[0], new int[0], 0);

    private static final int NO_VALUE = -1;

    /** Parameters a parsed list has room for before its table grows. */
    private static final int INITIAL_CAPACITY = 4;

    /**
     * The bytes of an unquoted value, by unsigned value: token, plus the characters of IPv6
     * references and URI parameter values (RFC 3261 §25.1 paramchar); never '?', which starts the
     * headers of a URI; any byte of a UTF-8 character.
     */
    private static final boolean[] VALUE_CHARS = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            VALUE_CHARS[c] = Grammar.isToken((byte) c) || "[]:/@&$()".indexOf(c) >= 0 || c >= 0x80;
        }
    }

    /**
     * The UTF-8 text the parameters were parsed from (for a received header, the received buffer
     * itself, shared rather than copied) and four offsets per parameter into it: name start and end,
     * value start and end (value start {@link #NO_VALUE} for a valueless one). Strings are made only
     * for what is asked.
     */
    private final byte[] src;
    private final int[] bounds;
    private final int count;

    private Params(byte[] src, int[] bounds, int count) {
        this.src = src;
        this.bounds = bounds;
        this.count = count;
    }

    /**
     * Parses parameters from {@code s[i, n)}, where {@code i} is at a ';' or at the end. Stops at
     * {@code stop} characters outside quotes (e.g. ',' or '?'), returning the stop index in
     * {@code end[0]} unless {@code end} is null.
     */
    static Params parse(byte[] s, int i, int n, String stops, int[] end) {
        Table table = new Table();
        long found = scan(s, i, n, stops, table, null);
        if (end != null) {
            end[0] = stop(found);
        }
        return table.count == 0 ? EMPTY : new Params(s, table.bounds, table.count);
    }

    /**
     * Checks parameters as {@link #parse} does, throwing the same faults, but records none: for an
     * owner that parses them only when they are asked for. Returns the stop index.
     */
    static int check(byte[] s, int i, int n, String stops) {
        // no parameters, as after many URIs: settled here, where it inlines, without the scan
        return i == n ? n : stop(scan(s, i, n, stops, null, null));
    }

    /**
     * As {@link #check}, also finding the one parameter its owner reads on every message (the
     * {@code tag} of From and To, the {@code branch} of a Via), so that it is read without making the
     * table. Returns both in one {@code long}, read with {@link #stop} and {@link #valueStart}: the
     * owner needs no array for them, which, as the parsers are too big to inline, would be allocated.
     *
     * @param wanted the name in lower-case letters only, so that folding the case of a byte matches it
     */
    static long checkFinding(byte[] s, int i, int n, String stops, String wanted) {
        // no parameters, as after a To without a tag: settled as in check
        return i == n ? none(n) : scan(s, i, n, stops, null, wanted);
    }

    /** What {@link #checkFinding} returns for parameters that are empty and stop at {@code n}. */
    static long none(int n) {
        return (long) n << 32 | (NO_VALUE & 0xffffffffL);
    }

    /** The stop index from what {@link #checkFinding} returns. */
    static int stop(long found) {
        return (int) (found >>> 32);
    }

    /**
     * The start of the value of the wanted parameter from what {@link #checkFinding} returns, or -1
     * if there is none or it has no value; {@link #valueEnd} finds its end.
     */
    static int valueStart(long found) {
        return (int) found;
    }

    /**
     * The end of the value that starts at {@code valueStart} in parameters checked up to {@code n}:
     * where the check found it to end.
     */
    static int valueEnd(byte[] s, int valueStart, int n) {
        if (s[valueStart] == '"') {
            return Grammar.endOfQuoted(s, valueStart, n);
        }
        int i = valueStart;
        while (i < n && isValueChar(s[i])) {
            i++;
        }
        return i;
    }

    /** The offsets {@link #parse} records, four per parameter as in {@link #bounds}. */
    private static final class Table {
        int[] bounds;
        int count;

        void add(int nameStart, int nameEnd, int valueStart, int valueEnd) {
            if (bounds == null) {
                // room for the usual few (a Via's branch, received and rport), without counting first
                bounds = new int[4 * INITIAL_CAPACITY];
            } else if (count * 4 == bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            int b = count++ * 4;
            bounds[b] = nameStart;
            bounds[b + 1] = nameEnd;
            bounds[b + 2] = valueStart;
            bounds[b + 3] = valueEnd;
        }
    }

    /**
     * Scans parameters for {@link #parse} (into {@code table}), {@link #check} ({@code table} and
     * {@code wanted} null) or {@link #checkFinding}; returns the stop index and the wanted value's
     * start packed as {@link #checkFinding} packs them.
     */
    private static long scan(byte[] s, int i, int n, String stops, Table table, String wanted) {
        int found = NO_VALUE;
        boolean seen = wanted == null;
        i = Grammar.skipWhitespace(s, i, n);
        while (i < n && s[i] == ';') {
            i = Grammar.skipWhitespace(s, i + 1, n);
            int nameStart = i;
            while (i < n && Grammar.isToken(s[i])) {
                i++;
            }
            if (i == nameStart) {
                throw new SipParseException("Empty parameter name");
            }
            int nameEnd = i;
            i = Grammar.skipWhitespace(s, i, n);
            int valueStart = NO_VALUE;
            int valueEnd = NO_VALUE;
            if (i < n && s[i] == '=') {
                i = Grammar.skipWhitespace(s, i + 1, n);
                valueStart = i;
                i = i < n ? valueEnd(s, i, n) : i;
                if (i == valueStart) {
                    throw new SipParseException("Empty value of parameter " + Grammar.text(s, nameStart, nameEnd));
                }
                valueEnd = i;
                i = Grammar.skipWhitespace(s, i, n);
            }
            if (!seen && isNamed(s, nameStart, nameEnd, wanted)) {
                seen = true;
                found = valueStart;
            }
            if (table != null) {
                table.add(nameStart, nameEnd, valueStart, valueEnd);
            }
        }
        if (i < n && stops.indexOf(s[i]) < 0) {
            throw new SipParseException("Unexpected '" + unexpected(s, i, n) + "' in parameters");
        }
        return (long) i << 32 | (found & 0xffffffffL);
    }

    /** Whether the name in {@code s[start, end)} is {@code letters} (lower case) in any case. */
    private static boolean isNamed(byte[] s, int start, int end, String letters) {
        if (end - start != letters.length()) {
            return false;
        }
        // only an upper- or lower-case letter folds onto a lower-case letter
        for (int k = 0; k < letters.length(); k++) {
            if ((s[start + k] | 0x20) != letters.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The character at {@code s[i]} for an error message, decoded if it is not ASCII. */
    private static String unexpected(byte[] s, int i, int n) {
        int e = i + 1;
        while (e < n && (s[e] & 0xc0) == 0x80) {
            e++;
        }
        return Grammar.text(s, i, e);
    }

    private static boolean isValueChar(byte c) {
        return VALUE_CHARS[c & 0xff];
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
        int len = name.length();
        if (bounds[k * 4 + 1] - ns != len) {
            return false;
        }
        // parameter names are tokens, i.e. ASCII, so ASCII case folding is enough
        for (int i = 0; i < len; i++) {
            int c = src[ns + i];
            int d = name.charAt(i);
            if (c != d && Grammar.lowerAscii(c) != Grammar.lowerAscii(d)) {
                return false;
            }
        }
        return true;
    }

    private String name(int k) {
        return Grammar.text(src, bounds[k * 4], bounds[k * 4 + 1]);
    }

    private String value(int k) {
        int vs = bounds[k * 4 + 2];
        return vs == NO_VALUE ? null : Grammar.text(src, vs, bounds[k * 4 + 3]);
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
            b.append(';').append(name(k));
            int vs = bounds[k * 4 + 2];
            if (vs != NO_VALUE) {
                b.append('=').append(value(k));
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

    /** Collects parameters given as strings into one UTF-8 source text with offsets. */
    private static final class Builder {
        private byte[] text = new byte[64];
        private int length;
        private final int[] bounds;
        private int count;

        Builder(int capacity) {
            bounds = new int[Math.max(1, capacity) * 4];
        }

        void add(String name, String value) {
            int b = count++ * 4;
            bounds[b] = length;
            append(name);
            bounds[b + 1] = length;
            bounds[b + 2] = NO_VALUE;
            bounds[b + 3] = NO_VALUE;
            if (value != null) {
                bounds[b + 2] = length;
                append(value);
                bounds[b + 3] = length;
            }
        }

        private void append(String s) {
            byte[] b = Grammar.utf8(s);
            if (length + b.length > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, length + b.length));
            }
            System.arraycopy(b, 0, text, length, b.length);
            length += b.length;
        }

        Params build() {
            return count == 0 ? EMPTY : new Params(text, bounds, count);
        }
    }
}
