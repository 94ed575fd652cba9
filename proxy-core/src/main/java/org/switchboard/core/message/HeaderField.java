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
    private final int valueStart;
    private final int end;
    private String value;

    HeaderField(HeaderName name, byte[] src, int start, int valueStart, int end) {
        this.name = name;
        this.src = src;
        this.start = start;
        this.valueStart = valueStart;
        this.end = end;
    }

    private HeaderField(HeaderName name, String value) {
        this.name = name;
        this.src = null;
        this.start = 0;
        this.valueStart = 0;
        this.end = 0;
        this.value = value;
    }

    /** A field built in code; the value must not contain CR or LF. */
    public static HeaderField of(HeaderName name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("Line break in header value of " + name);
            }
        }
        return new HeaderField(name, value);
    }

    public HeaderName name() {
        return name;
    }

    /** The value with folding replaced by a single space and surrounding whitespace trimmed. */
    public String value() {
        String v = value;
        if (v == null) {
            v = decode();
            value = v;
        }
        return v;
    }

    private String decode() {
        int s = valueStart;
        int e = end;
        // the value may start on a continuation line ("To :" CRLF SP "sip:...", RFC 4475 §3.1.1.1)
        while (s < e && isLws(src[s])) {
            s++;
        }
        while (e > s && isLws(src[e - 1])) {
            e--;
        }
        if (!Bytes.containsLineBreak(src, s, e)) {
            // the JDK copies ASCII (the usual case) straight into a Latin-1 String
            return new String(src, s, e - s, StandardCharsets.UTF_8);
        }
        // RFC 3261 §7.3.1: a line break followed by whitespace is equivalent to one SP
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

    private static boolean isLws(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean isWs(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Bytes this field takes on the wire, without the terminating CRLF. */
    int encodedLength() {
        if (src != null) {
            return end - start;
        }
        return name.canonical().length() + 2 + utf8Length(value);
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
        return writeUtf8(value, dst, pos);
    }

    /**
     * Whether {@code next} is the line after this one in the same received buffer, separated by
     * exactly CRLF, so that both can be copied as one run of bytes.
     */
    boolean isFollowedOnWireBy(HeaderField next) {
        return src != null && next.src == src && next.start == end + 2 && src[end] == '\r' && src[end + 1] == '\n';
    }

    /**
     * Writes this field and the following ones up to {@code last}, which lie next to each other on the
     * wire ({@link #isFollowedOnWireBy}), without the final CRLF; returns the new position.
     */
    int writeRunTo(HeaderField last, byte[] dst, int pos) {
        if (last == this) {
            return writeTo(dst, pos);
        }
        System.arraycopy(src, start, dst, pos, last.end - start);
        return pos + last.end - start;
    }

    @SuppressWarnings("deprecation")
    static int writeUtf8(String s, byte[] dst, int pos) {
        int len = s.length();
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) >= 128) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            s.getBytes(0, len, dst, pos);
            return pos + len;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, dst, pos, b.length);
        return pos + b.length;
    }

    static int utf8Length(String s) {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) >= 128) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return len;
    }

    @Override
    public String toString() {
        return name.canonical() + ": " + value();
    }
}
