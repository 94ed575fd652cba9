package org.switchboard.core.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered, immutable list of {@code ;name=value} parameters, names compared case-insensitively.
 * A parameter without a value has a {@code null} value. Values keep their original spelling
 * (quoted strings keep their quotes) so that re-serialising changes nothing.
 */
public final class Params {
    /** No parameters. */
    public static final Params EMPTY = new Params(List.of());

    private final List<String[]> entries;

    private Params(List<String[]> entries) {
        this.entries = entries;
    }

    /**
     * Parses parameters from {@code s} starting at {@code i}, which is at a ';' or at the end.
     * Stops at {@code stop} characters outside quotes (e.g. ',' or '?'), returning the stop index in
     * {@code end[0]}.
     */
    static Params parse(String s, int i, String stops, int[] end) {
        List<String[]> list = null;
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
            String name = s.substring(nameStart, i);
            i = Grammar.skipWhitespace(s, i);
            String value = null;
            if (i < n && s.charAt(i) == '=') {
                i = Grammar.skipWhitespace(s, i + 1);
                if (i < n && s.charAt(i) == '"') {
                    int q = Grammar.endOfQuoted(s, i);
                    value = s.substring(i, q);
                    i = q;
                } else {
                    int vs = i;
                    while (i < n && isValueChar(s.charAt(i))) {
                        i++;
                    }
                    if (i == vs) {
                        throw new SipParseException("Empty value of parameter " + name);
                    }
                    value = s.substring(vs, i);
                }
                i = Grammar.skipWhitespace(s, i);
            }
            if (list == null) {
                list = new ArrayList<>(4);
            }
            list.add(new String[] {name, value});
        }
        if (i < n && stops.indexOf(s.charAt(i)) < 0) {
            throw new SipParseException("Unexpected '" + s.charAt(i) + "' in parameters");
        }
        end[0] = i;
        return list == null ? EMPTY : new Params(Collections.unmodifiableList(list));
    }

    private static boolean isValueChar(char c) {
        // token, plus the characters of IPv6 references and URI parameter values (RFC 3261 §25.1
        // paramchar); never '?', which starts the headers of a URI
        return Grammar.isToken(c) || c == '[' || c == ']' || c == ':' || c == '/' || c == '@' || c == '&'
                || c == '$' || c == '(' || c == ')' || c >= 128;
    }

    /** Whether a parameter of this name is present (with or without a value). */
    public boolean has(String name) {
        return find(name) != null;
    }

    /** The raw value of the named parameter, or {@code null} if absent or valueless. */
    public String get(String name) {
        String[] e = find(name);
        return e == null ? null : e[1];
    }

    /** The value with surrounding quotes removed and escapes resolved. */
    public String getUnquoted(String name) {
        String v = get(name);
        return v != null && v.length() >= 2 && v.charAt(0) == '"' ? Grammar.unquote(v) : v;
    }

    private String[] find(String name) {
        for (String[] e : entries) {
            if (e[0].equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    /** A copy with {@code name} set to {@code value} (replacing an existing one in place). */
    public Params with(String name, String value) {
        List<String[]> list = new ArrayList<>(entries.size() + 1);
        boolean replaced = false;
        for (String[] e : entries) {
            if (!replaced && e[0].equalsIgnoreCase(name)) {
                list.add(new String[] {e[0], value});
                replaced = true;
            } else {
                list.add(e);
            }
        }
        if (!replaced) {
            list.add(new String[] {name, value});
        }
        return new Params(Collections.unmodifiableList(list));
    }

    /** A copy without the named parameter. */
    public Params without(String name) {
        List<String[]> list = new ArrayList<>(entries.size());
        for (String[] e : entries) {
            if (!e[0].equalsIgnoreCase(name)) {
                list.add(e);
            }
        }
        return list.size() == entries.size() ? this : new Params(Collections.unmodifiableList(list));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Parameter names in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.size());
        for (String[] e : entries) {
            names.add(e[0]);
        }
        return names;
    }

    void appendTo(StringBuilder b) {
        for (String[] e : entries) {
            b.append(';').append(e[0]);
            if (e[1] != null) {
                b.append('=').append(e[1]);
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
}
