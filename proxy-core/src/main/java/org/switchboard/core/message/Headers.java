package org.switchboard.core.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The header fields of a message in their order on the wire, immutable. Lookups compare names
 * case-insensitively with compact forms folded in. For comma-list headers, {@link #values} splits
 * both repeated lines and comma-separated values (RFC 3261 §7.3.1).
 */
public final class Headers implements Iterable<HeaderField> {
    static final Headers EMPTY = new Headers(new HeaderField[0], 0);

    private final HeaderField[] fields;
    private final int size;

    Headers(HeaderField[] fields, int size) {
        this.fields = fields;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public HeaderField get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return fields[index];
    }

    /** The first field of that name, or {@code null}. */
    public HeaderField first(HeaderName name) {
        for (int i = 0; i < size; i++) {
            if (fields[i].name().equals(name)) {
                return fields[i];
            }
        }
        return null;
    }

    /** The value of the first field of that name, or {@code null}. */
    public String firstValue(HeaderName name) {
        HeaderField f = first(name);
        return f == null ? null : f.value();
    }

    public boolean contains(HeaderName name) {
        return first(name) != null;
    }

    /** How many lines of that name the message has. */
    public int count(HeaderName name) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (fields[i].name().equals(name)) {
                n++;
            }
        }
        return n;
    }

    /** All fields of that name, in order. */
    public List<HeaderField> all(HeaderName name) {
        List<HeaderField> list = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (fields[i].name().equals(name)) {
                list.add(fields[i]);
            }
        }
        return list;
    }

    /**
     * All values of that name in order; for a comma-list header each comma-separated element is
     * one value.
     */
    public List<String> values(HeaderName name) {
        List<String> list = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (fields[i].name().equals(name)) {
                if (name.isCommaList()) {
                    splitList(fields[i].value(), list);
                } else {
                    list.add(fields[i].value());
                }
            }
        }
        return list;
    }

    /**
     * Splits a comma-separated header value at commas outside quoted strings and angle brackets.
     * Empty elements are an error.
     */
    public static void splitList(String value, List<String> out) {
        int depth = 0;
        int start = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"') {
                i = Grammar.endOfQuoted(value, i) - 1;
            } else if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                addElement(value, start, i, out);
                start = i + 1;
            }
        }
        addElement(value, start, n, out);
    }

    private static void addElement(String value, int start, int end, List<String> out) {
        String element = value.substring(start, end).trim();
        if (element.isEmpty()) {
            throw new SipParseException("Empty element in header list");
        }
        out.add(element);
    }

    List<HeaderField> toList() {
        List<HeaderField> list = new ArrayList<>(size + 4);
        for (int i = 0; i < size; i++) {
            list.add(fields[i]);
        }
        return list;
    }

    static Headers of(List<HeaderField> list) {
        return new Headers(list.toArray(new HeaderField[0]), list.size());
    }

    @Override
    public Iterator<HeaderField> iterator() {
        return Collections.unmodifiableList(toList()).iterator();
    }
}
