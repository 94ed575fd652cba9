package org.switchboard.core.message;

import java.nio.charset.StandardCharsets;

/**
 * One header line. A field read off the wire keeps a view of its original bytes, decodes its value
 * only when asked, and is written back byte for byte (name spelling, compact form and folding
 * included). A field built in code is written as {@code Canonical-Name: value}.
 */
public final class HeaderField {
    private final HeaderName name;
    private final byte[] src;
    private final int start;
    private final int end;
    /**
     * The value as UTF-8 bytes for the header grammars, {@code text[textStart, textEnd)}: for a
     * received line without folding the trimmed range of the received buffer itself, otherwise the
     * bytes of {@link #value()}.
     */
    private final byte[] text;
    private final int textStart;
    private final int textEnd;
    private String value;

    /**
     * A received line; {@code lineBreakInside} says whether the parser saw a CR or LF between
     * {@code start} and {@code end}, which only then need looking for in the value.
     */
    HeaderField(HeaderName name, byte[] src, int start, int valueStart, int end, boolean lineBreakInside) {
        this.name = name;
        this.src = src;
        this.start = start;
        this.end = end;
        long trimmed = trim(src, valueStart, end);
        int s = (int) (trimmed >>> 32);
        int e = (int) trimmed;
        if (lineBreakInside && Bytes.containsLineBreak(src, s, e)) {
            String v = unfold(src, s, e);
            value = v;
            text = Grammar.utf8(v);
            textStart = 0;
            textEnd = text.length;
        } else {
            text = src;
            textStart = s;
            textEnd = e;
        }
    }

    private HeaderField(HeaderName name, String value, byte[] text) {
        this.name = name;
        this.src = null;
        this.start = 0;
        this.end = 0;
        this.value = value;
        this.text = text;
        this.textStart = 0;
        this.textEnd = text.length;
    }

    /**
     * The value in {@code src[start, end)} without surrounding whitespace, as start and end packed
     * into one {@code long} (start in the high half), so that callers need no object for it.
     */
    static long trim(byte[] src, int start, int end) {
        // the value may start on a continuation line ("To :" CRLF SP "sip:...", RFC 4475 §3.1.1.1)
        while (start < end && Grammar.isWhitespace(src[start])) {
            start++;
        }
        while (end > start && Grammar.isWhitespace(src[end - 1])) {
            end--;
        }
        return (long) start << 32 | end;
    }

    /** A field built in code; the value must not contain CR or LF. */
    public static HeaderField of(HeaderName name, String value) {
        byte[] text = Grammar.utf8(value);
        // CR and LF are the same bytes in UTF-8, and no other character encodes to them
        if (Bytes.containsLineBreak(text, 0, text.length)) {
            throw new IllegalArgumentException("Line break in header value of " + name);
        }
        return new HeaderField(name, value, text);
    }

    public HeaderName name() {
        return name;
    }

    /** The value with folding replaced by a single space and surrounding whitespace trimmed. */
    public String value() {
        String v = value;
        if (v == null) {
            // the JDK copies ASCII (the usual case) straight into a Latin-1 String
            v = Grammar.text(text, textStart, textEnd);
            value = v;
        }
        return v;
    }

    /** The UTF-8 bytes the value's grammar is parsed from; see {@link #textStart()}. */
    byte[] text() {
        return text;
    }

    int textStart() {
        return textStart;
    }

    int textEnd() {
        return textEnd;
    }

    /** RFC 3261 §7.3.1: a line break followed by whitespace is equivalent to one SP. */
    private static String unfold(byte[] src, int s, int e) {
        byte[] out = new byte[e - s];
        int n = 0;
        for (int i = s; i < e; i++) {
            byte b = src[i];
            if (b == '\r' || b == '\n') {
                while (i + 1 < e && (src[i + 1] == '\r' || src[i + 1] == '\n' || isWs(src[i + 1]))) {
                    i++;
                }
                while (n > 0 && isWs(out[n - 1])) {
                    n--;
                }
                out[n++] = ' ';
            } else {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static boolean isWs(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Bytes this field takes on the wire, without the terminating CRLF. */
    int encodedLength() {
        if (src != null) {
            return end - start;
        }
        return name.canonical().length() + 2 + text.length;
    }

    /** Writes the field without the terminating CRLF at {@code pos}; returns the new position. */
    @SuppressWarnings("deprecation")
    int writeTo(byte[] dst, int pos) {
        if (src != null) {
            System.arraycopy(src, start, dst, pos, end - start);
            return pos + end - start;
        }
        String n = name.canonical();
        n.getBytes(0, n.length(), dst, pos);
        pos += n.length();
        dst[pos++] = ':';
        dst[pos++] = ' ';
        System.arraycopy(text, 0, dst, pos, text.length);
        return pos + text.length;
    }

    @Override
    public String toString() {
        return name.canonical() + ": " + value();
    }
}
