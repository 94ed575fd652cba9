package org.switchboard.core.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The header fields of a message in their order on the wire, immutable. Lookups compare names
 * case-insensitively with compact forms folded in. For comma-list headers, {@link #values} splits
 * both repeated lines and comma-separated values (RFC 3261 §7.3.1).
 *
 * <p>A received line is kept as three offsets into the received buffer; its {@link HeaderField} is
 * made the first time it is asked for, so that splitting a message creates no object per line.
 */
public final class Headers implements Iterable<HeaderField> {
    static final Headers EMPTY = new Headers(null, new int[0], new HeaderName[0], new HeaderField[0], 0, 0, 0, 0);

    /** {@link #bounds} start of a line that is not in {@link #src}: its field was built in code. */
    static final int BUILT = -1;

    /** The received buffer the lines with offsets lie in, or {@code null}. */
    final byte[] src;
    /**
     * Three offsets per line into {@link #src}: start of the name, just past the colon, end of the
     * line without its CRLF; the start is {@link #BUILT} for a field made in code. The second is
     * negated for a line with a CR or LF inside (folding, a bare CR).
     */
    final int[] bounds;
    final HeaderName[] names;
    /** The fields made so far; always set for a built line. Filled lazily, as a cache. */
    final HeaderField[] fields;
    final int size;
    /**
     * The {@link HeaderName#bit()}s of the known names that may be on some line and of those that may
     * be on more than one: a look-up for a name that is not there, or for a second line of a name
     * that has one, needs no scan. A superset is allowed (a builder does not clear bits).
     */
    final long present;
    final long repeated;
    /**
     * For a parsed table, the index of the first line of each name with a {@link
     * HeaderName#firstLineSlot()} that {@link #present} has, a byte per slot (slots 0 to 7 in the
     * first, 8 to 15 in the second); an edited table has none ({@link #indexed} false).
     */
    private final long firstLines0;
    private final long firstLines1;
    private final boolean indexed;
    /** {@link #encodedLength()}, given by whoever made the table, or -1 until it is first counted. */
    private int encodedLength;

    /** @param encodedLength what {@link #encodedLength()} returns, or -1 to have it counted when asked */
    Headers(byte[] src, int[] bounds, HeaderName[] names, HeaderField[] fields, int size, long present, long repeated,
            int encodedLength) {
        this(src, bounds, names, fields, size, present, repeated, encodedLength, 0, 0, false);
    }

    /**
     * A parsed table, whose {@code present} bits are exact, with the first lines noted as {@link
     * #firstLine} notes them.
     */
    Headers(byte[] src, int[] bounds, HeaderName[] names, HeaderField[] fields, int size, long present, long repeated,
            int encodedLength, long firstLines0, long firstLines1) {
        this(src, bounds, names, fields, size, present, repeated, encodedLength, firstLines0, firstLines1, true);
    }

    private Headers(byte[] src, int[] bounds, HeaderName[] names, HeaderField[] fields, int size, long present,
            long repeated, int encodedLength, long firstLines0, long firstLines1, boolean indexed) {
        this.firstLines0 = firstLines0;
        this.firstLines1 = firstLines1;
        this.indexed = indexed;
        this.src = src;
        this.bounds = bounds;
        this.names = names;
        this.fields = fields;
        this.size = size;
        this.present = present;
        this.repeated = repeated;
        this.encodedLength = encodedLength;
    }

    public int size() {
        return size;
    }

    public HeaderField get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        HeaderField f = fields[index];
        if (f == null) {
            f = field(src, bounds, names, index);
            fields[index] = f;
        }
        return f;
    }

    /** A new field for the received line {@code i} of a line table. */
    static HeaderField field(byte[] src, int[] bounds, HeaderName[] names, int i) {
        int valueStart = bounds[i * 3 + 1];
        return new HeaderField(names[i], src, bounds[i * 3], Math.abs(valueStart), bounds[i * 3 + 2], valueStart < 0);
    }

    /**
     * The trimmed value of line {@code i} as a range of {@link #src}, packed as {@link
     * HeaderField#trim} packs it, if the line is received and has no line break inside; otherwise -1,
     * and the caller reads it through {@link #get}. Lets the accessors parse a value without making
     * its {@link HeaderField}.
     */
    long plainValue(int i) {
        return plainValue(src, bounds, i);
    }

    /** {@link #plainValue(int)} for line {@code i} of any line table over {@code src}. */
    static long plainValue(byte[] src, int[] bounds, int i) {
        return isPlain(bounds, i) ? HeaderField.trim(src, bounds[i * 3 + 1], bounds[i * 3 + 2]) : -1;
    }

    /** Whether line {@code i} is received and has no line break inside: {@link #plainValue} is not -1. */
    boolean isPlain(int i) {
        return isPlain(bounds, i);
    }

    private static boolean isPlain(int[] bounds, int i) {
        return bounds[i * 3] != BUILT && bounds[i * 3 + 1] >= 0;
    }

    /** The index of the first line of that name at or after {@code from}, or -1. */
    int indexOf(HeaderName name, int from) {
        int slot = name.firstLineSlot();
        if (indexed && from == 0 && slot >= 0) {
            return (present & name.bit()) == 0 ? -1
                    : (int) ((slot < 8 ? firstLines0 : firstLines1) >>> ((slot & 7) << 3)) & 0xff;
        }
        return indexOf(names, size, present, name, from);
    }

    /**
     * The word of first-line slots {@code firstLines} (the one {@code slot} lies in) with line {@code
     * index}, below 256, noted in that slot, which must still be empty: for the parser.
     */
    static long firstLine(long firstLines, int slot, int index) {
        return firstLines | (long) index << ((slot & 7) << 3);
    }

    /**
     * {@link #indexOf(HeaderName, int)} in the first {@code size} entries of {@code names}, whose known
     * names {@code present} has: shared with the builder, which edits a copy of the table.
     */
    static int indexOf(HeaderName[] names, int size, long present, HeaderName name, int from) {
        if (name.isKnown()) {
            if ((present & name.bit()) == 0) {
                return -1;
            }
            // a known name is a single instance, and no unknown name equals it
            for (int i = from; i < size; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
        } else {
            for (int i = from; i < size; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether more than one line may have that name, given the {@link #repeated} bits of a table. */
    static boolean mayRepeat(long repeated, HeaderName name) {
        return !name.isKnown() || (repeated & name.bit()) != 0;
    }

    /** The index of the next line of that name after line {@code i}, which has that name, or -1. */
    int indexOfNext(HeaderName name, int i) {
        return mayRepeat(repeated, name) ? indexOf(name, i + 1) : -1;
    }

    /** The first field of that name, or {@code null}. */
    public HeaderField first(HeaderName name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : get(i);
    }

    /** The value of the first field of that name, or {@code null}. */
    public String firstValue(HeaderName name) {
        HeaderField f = first(name);
        return f == null ? null : f.value();
    }

    public boolean contains(HeaderName name) {
        return indexOf(name, 0) >= 0;
    }

    /** How many lines of that name the message has. */
    public int count(HeaderName name) {
        int n = 0;
        for (int i = indexOf(name, 0); i >= 0; i = indexOfNext(name, i)) {
            n++;
        }
        return n;
    }

    /** All fields of that name, in order. */
    public List<HeaderField> all(HeaderName name) {
        List<HeaderField> list = new ArrayList<>(2);
        for (int i = indexOf(name, 0); i >= 0; i = indexOfNext(name, i)) {
            list.add(get(i));
        }
        return list;
    }

    /**
     * All values of that name in order; for a comma-list header each comma-separated element is
     * one value.
     */
    public List<String> values(HeaderName name) {
        List<String> list = new ArrayList<>(2);
        for (int i = indexOf(name, 0); i >= 0; i = indexOfNext(name, i)) {
            HeaderField f = get(i);
            if (name.isCommaList()) {
                byte[] t = f.text();
                int[] elements = elements(t, f.textStart(), f.textEnd());
                for (int k = 0; k < elements.length; k += 2) {
                    list.add(Grammar.text(t, elements[k], elements[k + 1]));
                }
            } else {
                list.add(f.value());
            }
        }
        return list;
    }

    /**
     * Splits a comma-separated header value at commas outside quoted strings and angle brackets.
     * Empty elements are an error.
     */
    public static void splitList(String value, List<String> out) {
        byte[] t = Grammar.utf8(value);
        int[] elements = elements(t, 0, t.length);
        for (int k = 0; k < elements.length; k += 2) {
            out.add(Grammar.text(t, elements[k], elements[k + 1]));
        }
    }

    /**
     * The elements of the comma-separated list in {@code s[start, end)} as start and end offsets,
     * each trimmed as {@link String#trim} would; commas inside quoted strings and angle brackets do
     * not split. Throws if an element is empty.
     */
    static int[] elements(byte[] s, int start, int end) {
        if (Bytes.indexOfEither(s, (byte) ',', (byte) '"', start, end) == end) {
            // one element, as a Via line usually holds: no comma to split at, no quote to check
            return element(s, start, end, new int[2], 0);
        }
        int[] out = new int[2];
        int count = 0;
        int depth = 0;
        int from = start;
        for (int i = start; i < end; i++) {
            byte c = s[i];
            if (c == '"') {
                i = Grammar.endOfQuoted(s, i, end) - 1;
            } else if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                out = element(s, from, i, out, count++);
                from = i + 1;
            }
        }
        out = element(s, from, end, out, count++);
        return count * 2 == out.length ? out : Arrays.copyOf(out, count * 2);
    }

    private static int[] element(byte[] s, int start, int end, int[] out, int index) {
        while (start < end && (s[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (s[end - 1] & 0xff) <= ' ') {
            end--;
        }
        if (start == end) {
            throw new SipParseException("Empty element in header list");
        }
        int[] o = index * 2 < out.length ? out : Arrays.copyOf(out, out.length * 2);
        o[index * 2] = start;
        o[index * 2 + 1] = end;
        return o;
    }

    /** The lines whose names {@code keep} accepts, in order, sharing the received buffer. */
    Headers only(Predicate<HeaderName> keep) {
        int[] b = new int[size * 3];
        HeaderName[] n = new HeaderName[size];
        HeaderField[] f = new HeaderField[size];
        int count = 0;
        long p = 0;
        long r = 0;
        for (int i = 0; i < size; i++) {
            if (keep.test(names[i])) {
                System.arraycopy(bounds, i * 3, b, count * 3, 3);
                n[count] = names[i];
                f[count++] = fields[i];
                r |= p & names[i].bit();
                p |= names[i].bit();
            }
        }
        return new Headers(src, b, n, f, count, p, r, -1);
    }

    /** Bytes of the header lines on the wire, each with its CRLF. */
    int encodedLength() {
        int len = encodedLength;
        if (len < 0) {
            len = 0;
            for (int i = 0; i < size; i++) {
                len += lineLength(bounds, fields, i) + 2;
            }
            // a benign race: every thread counts the same
            encodedLength = len;
        }
        return len;
    }

    /** Bytes line {@code i} of a line table takes on the wire, without its CRLF. */
    static int lineLength(int[] bounds, HeaderField[] fields, int i) {
        int b = i * 3;
        return bounds[b] == BUILT ? fields[i].encodedLength() : bounds[b + 2] - bounds[b];
    }

    /** Writes the header lines, each with its CRLF, at {@code pos}; returns the new position. */
    int writeTo(byte[] out, int pos) {
        for (int i = 0; i < size; i++) {
            int b = i * 3;
            int start = bounds[b];
            if (start == BUILT) {
                pos = fields[i].writeTo(out, pos);
            } else {
                // received lines that were adjacent on the wire go out with one copy; two bytes
                // between the end of one line and the start of the next can only be its CRLF
                int end = bounds[b + 2];
                while (i + 1 < size && bounds[b + 3] == end + 2) {
                    i++;
                    b += 3;
                    end = bounds[b + 2];
                }
                System.arraycopy(src, start, out, pos, end - start);
                pos += end - start;
            }
            out[pos] = '\r';
            out[pos + 1] = '\n';
            pos += 2;
        }
        return pos;
    }

    @Override
    public Iterator<HeaderField> iterator() {
        List<HeaderField> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(get(i));
        }
        return Collections.unmodifiableList(list).iterator();
    }
}
