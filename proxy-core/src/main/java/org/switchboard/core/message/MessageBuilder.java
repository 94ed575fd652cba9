package org.switchboard.core.message;

/**
 * Header and body editing shared by {@link SipRequest.Builder} and {@link SipResponse.Builder}.
 * Fields the builder does not touch keep their original bytes. {@code build()} sets Content-Length
 * to the body's length.
 *
 * <p>The builder edits the same line table a parsed message has ({@link Headers}): received lines
 * stay offsets into the received buffer, so that the built message is written from that buffer. The
 * table is copied at the first edit, with that edit's line already put in or left out, and handed
 * to the built message without a copy; a builder used again after {@code build()} copies it first.
 *
 * @param <B> the concrete builder, for chaining
 */
public abstract class MessageBuilder<B extends MessageBuilder<B>> {
    /**
     * The Content-Length a message without a body gets when it came without one (as a REGISTER often
     * does): a built field is immutable, so one serves every message.
     */
    private static final HeaderField NO_BODY_LENGTH = HeaderField.of(HeaderName.CONTENT_LENGTH, "0");

    /** The largest Max-Forwards RFC 3261 §20.22 allows. */
    private static final int MAX_HOPS = 255;

    /** A Max-Forwards field for each value a proxy may set, shared as {@link #NO_BODY_LENGTH} is. */
    private static final HeaderField[] MAX_FORWARDS = new HeaderField[MAX_HOPS + 1];

    static {
        for (int hops = 0; hops <= MAX_HOPS; hops++) {
            MAX_FORWARDS[hops] = HeaderField.of(HeaderName.MAX_FORWARDS, Integer.toString(hops));
        }
    }

    private final byte[] src;
    private int[] bounds;
    private HeaderName[] names;
    private HeaderField[] fields;
    private int size;
    /** The lines' encoded length as {@link Headers#encodedLength()} counts it, kept up to date by every edit. */
    private int encodedLength;
    /** As {@link Headers#present} and {@link Headers#repeated}: set as names come in, never cleared. */
    private long present;
    private long repeated;
    /** Whether the arrays belong to a message (the origin or a built one) and must be copied before a change. */
    private boolean shared;
    byte[] bodySrc = MessageBase.NO_BODY;
    int bodyOff;
    int bodyLen;
    /** The received start line to write unchanged, as in {@link MessageBase}; -1 once it changes. */
    int lineStart = -1;
    int lineEnd = -1;
    String sipVersion;

    /** A builder with no body, starting from {@code headers}' line table, which it copies when it first changes it. */
    MessageBuilder(Headers headers, String sipVersion) {
        this.src = headers.src;
        this.bounds = headers.bounds;
        this.names = headers.names;
        this.fields = headers.fields;
        this.shared = true;
        this.size = headers.size;
        this.encodedLength = headers.encodedLength();
        this.present = headers.present;
        this.repeated = headers.repeated;
        this.sipVersion = sipVersion;
    }

    /** Takes the body and the received start line of the message this builder copies. */
    void from(MessageBase origin) {
        bodySrc = origin.bodySrc;
        bodyOff = origin.bodyOff;
        bodyLen = origin.bodyLen;
        lineStart = origin.lineStart;
        lineEnd = origin.lineEnd;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Adds a header line at the end. */
    public B add(HeaderName name, String value) {
        insert(size, HeaderField.of(name, value));
        return self();
    }

    /** Adds a header line before all others of the same name (or at the end if there are none). */
    public B addFirst(HeaderName name, String value) {
        HeaderField field = HeaderField.of(name, value);
        int i = indexOf(name, 0);
        // Via goes first of all so that a proxy's own Via leads the message, as is customary
        insert(i >= 0 ? i : name.equals(HeaderName.VIA) ? 0 : size, field);
        return self();
    }

    /**
     * Sets Max-Forwards, as {@code set(HeaderName.MAX_FORWARDS, ...)} would, to a value of 0 to 255
     * (RFC 3261 §20.22); every request a proxy forwards gets one (§16.6 step 3).
     *
     * @throws IllegalArgumentException if {@code hops} is out of that range
     */
    public B maxForwards(int hops) {
        if (hops < 0 || hops > MAX_HOPS) {
            throw new IllegalArgumentException("Max-Forwards out of range: " + hops);
        }
        set(MAX_FORWARDS[hops]);
        return self();
    }

    /** Replaces all lines of that name with one line (at the position of the first). */
    public B set(HeaderName name, String value) {
        set(HeaderField.of(name, value));
        return self();
    }

    private void set(HeaderField field) {
        HeaderName name = field.name();
        int first = indexOf(name, 0);
        if (first < 0) {
            insert(size, field);
            return;
        }
        // replace in place: no shifting of the table when, as usual, there is one such line
        own();
        replace(first, field);
        if (mayRepeat(name)) {
            removeFrom(name, first + 1);
        }
    }

    /** Removes all lines of that name. */
    public B remove(HeaderName name) {
        removeFrom(name, 0);
        return self();
    }

    /**
     * Removes the first value of a comma-list header: the whole first line if it holds one value,
     * otherwise that line rewritten without its first element. Used to pop a Via or a Route.
     */
    public B removeFirstValue(HeaderName name) {
        int i = indexOf(name, 0);
        if (i < 0) {
            return self();
        }
        // a plain received line, as a Via usually is, is split without making its field
        long range = Headers.plainValue(src, bounds, i);
        byte[] t = src;
        if (range < 0) {
            HeaderField f = field(i);
            t = f.text();
            range = (long) f.textStart() << 32 | f.textEnd();
        }
        int[] elements = Headers.elements(t, (int) (range >>> 32), (int) range);
        if (elements.length <= 2) {
            delete(i);
        } else {
            own();
            StringBuilder rest = new StringBuilder((int) range - (int) (range >>> 32));
            for (int k = 2; k < elements.length; k += 2) {
                if (k > 2) {
                    rest.append(", ");
                }
                rest.append(Grammar.text(t, elements[k], elements[k + 1]));
            }
            replace(i, HeaderField.of(name, rest.toString()));
        }
        return self();
    }

    /** Sets the body and, if {@code contentType} is not null, the Content-Type. */
    public B body(byte[] newBody, String contentType) {
        bodySrc = newBody == null ? MessageBase.NO_BODY : newBody;
        bodyOff = 0;
        bodyLen = bodySrc.length;
        if (contentType != null) {
            set(HeaderName.CONTENT_TYPE, contentType);
        } else if (bodyLen == 0) {
            remove(HeaderName.CONTENT_TYPE);
        }
        return self();
    }

    /** The first field of that name, or {@code null}. */
    HeaderField first(HeaderName name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : field(i);
    }

    Headers finishHeaders() {
        // Content-Length usually comes last: the one line there may be is looked for from the end
        boolean once = !mayRepeat(HeaderName.CONTENT_LENGTH);
        int cl = once ? lastIndexOf(HeaderName.CONTENT_LENGTH) : indexOf(HeaderName.CONTENT_LENGTH, 0);
        if (cl < 0 || !once && indexOf(HeaderName.CONTENT_LENGTH, cl + 1) >= 0 || !hasValue(cl, bodyLen)) {
            set(bodyLen == 0 ? NO_BODY_LENGTH : HeaderField.of(HeaderName.CONTENT_LENGTH, Integer.toString(bodyLen)));
        }
        shared = true;
        return new Headers(src, bounds, names, fields, size, present, repeated, encodedLength);
    }

    /** Whether the value of line {@code i} is exactly the decimal digits of {@code n}. */
    private boolean hasValue(int i, int n) {
        long range = Headers.plainValue(src, bounds, i);
        if (range >= 0) {
            // a plain received line, as Content-Length usually is: checked without making its field
            return hasValue(src, (int) (range >>> 32), (int) range, n);
        }
        HeaderField f = field(i);
        return hasValue(f.text(), f.textStart(), f.textEnd(), n);
    }

    private static boolean hasValue(byte[] t, int start, int end, int n) {
        int i = end;
        do {
            if (--i < start || t[i] != '0' + n % 10) {
                return false;
            }
            n /= 10;
        } while (n > 0);
        return i == start;
    }

    /** Whether more than one line may have that name. */
    private boolean mayRepeat(HeaderName name) {
        return Headers.mayRepeat(repeated, name);
    }

    private int indexOf(HeaderName name, int from) {
        return Headers.indexOf(names, size, present, name, from);
    }

    /** The index of the last line of a known name, or -1. */
    private int lastIndexOf(HeaderName name) {
        if ((present & name.bit()) != 0) {
            for (int i = size - 1; i >= 0; i--) {
                if (names[i] == name) {
                    return i;
                }
            }
        }
        return -1;
    }

    private HeaderField field(int i) {
        HeaderField f = fields[i];
        if (f == null) {
            f = Headers.field(src, bounds, names, i);
            if (!shared) {
                fields[i] = f;
            }
        }
        return f;
    }

    /** Makes the arrays this builder's own before a change, if a message shares them. */
    private void own() {
        if (shared) {
            reshape(size, 0);
        }
    }

    /**
     * Makes room for a line at {@code at} ({@code shift} 1) or takes line {@code at} out ({@code shift}
     * -1), moving the lines after it. If a message shares the arrays, or they are full, the lines go
     * into new arrays of this builder's own with room for a few more, so that the edit that makes the
     * copy moves no line twice.
     */
    private void reshape(int at, int shift) {
        int[] b = bounds;
        HeaderName[] n = names;
        HeaderField[] f = fields;
        boolean fresh = shared || size + shift > n.length;
        if (fresh) {
            int capacity = size + shift + 4;
            b = new int[capacity * 3];
            n = new HeaderName[capacity];
            f = new HeaderField[capacity];
            System.arraycopy(bounds, 0, b, 0, at * 3);
            System.arraycopy(names, 0, n, 0, at);
            System.arraycopy(fields, 0, f, 0, at);
        }
        int from = at + Math.max(0, -shift);
        int to = at + Math.max(0, shift);
        System.arraycopy(bounds, from * 3, b, to * 3, (size - from) * 3);
        System.arraycopy(names, from, n, to, size - from);
        System.arraycopy(fields, from, f, to, size - from);
        if (!fresh && shift < 0) {
            n[size - 1] = null;
            f[size - 1] = null;
        }
        bounds = b;
        names = n;
        fields = f;
        shared = false;
    }

    /** Replaces line {@code i} with a built field of the same name. */
    private void replace(int i, HeaderField field) {
        encodedLength -= Headers.lineLength(bounds, fields, i);
        put(i, field);
    }

    /** Notes a name that one more line has. */
    private void note(HeaderName name) {
        repeated |= present & name.bit();
        present |= name.bit();
    }

    private void put(int i, HeaderField field) {
        encodedLength += field.encodedLength();
        names[i] = field.name();
        fields[i] = field;
        bounds[i * 3] = Headers.BUILT;
    }

    private void insert(int at, HeaderField field) {
        reshape(at, 1);
        size++;
        encodedLength += 2;
        note(field.name());
        put(at, field);
    }

    private void delete(int at) {
        encodedLength -= Headers.lineLength(bounds, fields, at) + 2;
        reshape(at, -1);
        size--;
    }

    private void removeFrom(HeaderName name, int from) {
        for (int i = indexOf(name, from); i >= 0; i = indexOf(name, i)) {
            delete(i);
        }
    }
}
