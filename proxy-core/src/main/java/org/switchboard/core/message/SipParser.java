package org.switchboard.core.message;

import java.util.Arrays;

/**
 * Splits a SIP message into its start line, header lines and body in one pass (RFC 3261 §7), without
 * parsing header grammars. Stateless and thread-safe.
 *
 * <p>The returned message keeps references into the buffer it was given; the caller must not reuse
 * it. Structural problems become the message's {@link SipMessage#defect()} so that a request can
 * still be answered with a 400; bytes that do not begin with a SIP start line give a failed {@link
 * ParseResult}.
 */
public final class SipParser {
    /** More header lines than this makes a message malformed; protects against header floods. */
    public static final int MAX_HEADERS = 256;

    private static final String SIP_2_0 = "SIP/2.0";

    private SipParser() {
    }

    /**
     * Parses one complete message.
     *
     * @param datagram {@code true} for a UDP datagram: a missing Content-Length means the rest of
     *     the datagram is the body and extra bytes after Content-Length are discarded (§18.3);
     *     {@code false} for a message framed from a stream, where Content-Length is mandatory
     */
    public static ParseResult parse(byte[] buf, int off, int len, boolean datagram) {
        int end = off + len;
        int p = off;
        while (p < end && (buf[p] == '\r' || buf[p] == '\n')) {
            p++;
        }
        if (p == end) {
            return ParseResult.failure("Empty message");
        }
        int lineEnd = Bytes.indexOfLf(buf, p, end);
        if (lineEnd < 0) {
            return ParseResult.failure("No line break after the start line");
        }
        int startLine = p;
        int startLineEnd = lineEnd > p && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        // the usual line is printable ASCII throughout, checked eight bytes at a time
        boolean ascii = true;
        if (!Bytes.isPrintableAscii(buf, p, startLineEnd)) {
            for (int i = p; i < startLineEnd; i++) {
                if ((buf[i] & 0xff) < 0x20 && buf[i] != '\t') {
                    return ParseResult.failure("Control character in the start line");
                }
                ascii &= buf[i] >= 0;
            }
        }
        int firstSp = Grammar.indexOf(buf, ' ', startLine, startLineEnd);
        if (firstSp <= startLine) {
            return ParseResult.failure("Not a SIP start line");
        }

        int[] bounds = new int[3 * 16];
        HeaderName[] names = new HeaderName[16];
        int count = 0;
        String defect = null;
        int contentLength = -1;
        // what the kept lines take when encoded, each with a CRLF
        int lineBytes = 0;
        long present = 0;
        long repeated = 0;
        long firstLines0 = 0;
        long firstLines1 = 0;
        p = lineEnd + 1;
        boolean blankLine = false;
        while (p < end) {
            if (buf[p] == '\n' || (buf[p] == '\r' && p + 1 < end && buf[p + 1] == '\n')) {
                p += buf[p] == '\n' ? 1 : 2;
                blankLine = true;
                break;
            }
            // the line ends at the first LF not followed by SP or HT; a bare CR or a folding inside
            // it is noted, so that only such lines are scanned again when their value is read
            boolean lineBreakInside = false;
            int le;
            for (int q = p;;) {
                le = Bytes.indexOfLineBreak(buf, q, end);
                if (le < 0) {
                    break;
                }
                if (buf[le] == '\r') {
                    if (le + 1 == end || buf[le + 1] != '\n') {
                        lineBreakInside = true;
                        q = le + 1;
                        continue;
                    }
                    le++;
                }
                if (le + 1 < end && (buf[le + 1] == ' ' || buf[le + 1] == '\t')) {
                    lineBreakInside = true;
                    q = le + 1;
                    continue;
                }
                break;
            }
            int next = le < 0 ? end : le + 1;
            int contentEnd = le < 0 ? end : (le > p && buf[le - 1] == '\r' ? le - 1 : le);
            // the usual line: a known name, maybe whitespace, then the colon; a known spelling is a
            // token, so the token scan below would end where it ends
            int colon = Bytes.indexOf(buf, (byte) ':', p, contentEnd);
            int nameEnd = colon;
            while (nameEnd > p && (buf[nameEnd - 1] == ' ' || buf[nameEnd - 1] == '\t')) {
                nameEnd--;
            }
            HeaderName name = colon < 0 ? null : HeaderName.known(buf, p, nameEnd - p);
            if (name == null) {
                nameEnd = p;
                while (nameEnd < contentEnd && Grammar.isToken(buf[nameEnd])) {
                    nameEnd++;
                }
                colon = nameEnd;
                while (colon < contentEnd && (buf[colon] == ' ' || buf[colon] == '\t')) {
                    colon++;
                }
            }
            if (nameEnd == p || colon >= contentEnd || buf[colon] != ':') {
                if (defect == null) {
                    defect = "Malformed header line";
                }
            } else if (count == MAX_HEADERS) {
                if (defect == null) {
                    defect = "Too many header lines";
                }
            } else {
                if (count == names.length) {
                    names = Arrays.copyOf(names, count * 2);
                    bounds = Arrays.copyOf(bounds, count * 6);
                }
                if (name == null) {
                    name = HeaderName.of(buf, p, nameEnd - p);
                }
                if (name == HeaderName.CONTENT_LENGTH) {
                    contentLength = contentLength < 0 ? count : contentLength;
                }
                names[count] = name;
                int slot = name.firstLineSlot();
                // MAX_HEADERS keeps count below 256, so that an index fits its slot's byte
                if (slot >= 0 && (present & name.bit()) == 0) {
                    if (slot < 8) {
                        firstLines0 = Headers.firstLine(firstLines0, slot, count);
                    } else {
                        firstLines1 = Headers.firstLine(firstLines1, slot, count);
                    }
                }
                repeated |= present & name.bit();
                present |= name.bit();
                int b = count++ * 3;
                bounds[b] = p;
                bounds[b + 1] = lineBreakInside ? -(colon + 1) : colon + 1;
                bounds[b + 2] = contentEnd;
                lineBytes += contentEnd - p + 2;
            }
            p = next;
        }
        if (!blankLine && defect == null) {
            defect = "Missing blank line after the headers";
        }
        Headers headers = new Headers(buf, bounds, names, new HeaderField[names.length], count, present, repeated,
                lineBytes, firstLines0, firstLines1);

        int available = end - p;
        int bodyLength = available;
        String lengthDefect = null;
        if (contentLength < 0) {
            if (!datagram) {
                lengthDefect = "Missing Content-Length on a stream transport";
            }
        } else {
            int second = headers.indexOfNext(HeaderName.CONTENT_LENGTH, contentLength);
            // the usual single plain line is read without making its HeaderField
            long range = second < 0 ? headers.plainValue(contentLength) : -1;
            HeaderField cl = range < 0 ? headers.get(contentLength) : null;
            for (int i = second; i >= 0; i = headers.indexOfNext(HeaderName.CONTENT_LENGTH, i)) {
                HeaderField other = headers.get(i);
                if (!sameText(cl, other) && !cl.value().equals(other.value())) {
                    lengthDefect = "Conflicting Content-Length headers";
                }
                cl = other;
            }
            if (lengthDefect == null) {
                long n;
                try {
                    n = range >= 0
                            ? Grammar.parseNumber(buf, (int) (range >>> 32), (int) range, Integer.MAX_VALUE, "Content-Length")
                            : Grammar.parseNumber(cl.text(), cl.textStart(), cl.textEnd(), Integer.MAX_VALUE, "Content-Length");
                } catch (SipParseException e) {
                    n = -1;
                    lengthDefect = "Bad Content-Length";
                }
                if (n > available) {
                    lengthDefect = "Body shorter than Content-Length";
                } else if (n >= 0) {
                    bodyLength = (int) n;
                }
            }
        }
        if (defect == null) {
            defect = lengthDefect;
        }
        Line line = new Line(buf, startLine, firstSp, startLineEnd, ascii, p, bodyLength);
        if (startsWith(buf, startLine, startLineEnd, "SIP/")) {
            return parseStatusLine(line, headers, defect);
        }
        int lastSp = lastSpace(buf, firstSp, startLineEnd);
        // the usual line has the version last: no need to look for it anywhere else
        if (!(startsWithSip(buf, lastSp, startLineEnd) || containsSipVersion(buf, firstSp, startLineEnd))) {
            return ParseResult.failure("Not a SIP start line");
        }
        return parseRequestLine(line, lastSp, headers, defect);
    }

    /**
     * Where the start line and the body lie in the buffer.
     *
     * @param ascii whether the start line is all ASCII, so that its parts write back to the same bytes
     */
    private record Line(byte[] b, int start, int firstSp, int end, boolean ascii, int bodyOff, int bodyLen) {
    }

    /** Whether two fields' values have the same bytes, the cheap test before comparing text. */
    private static boolean sameText(HeaderField a, HeaderField b) {
        return Arrays.equals(a.text(), a.textStart(), a.textEnd(), b.text(), b.textStart(), b.textEnd());
    }

    private static boolean startsWith(byte[] b, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (b[start + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether " SIP/" (any case) follows the method somewhere: a request line, though maybe a malformed one. */
    private static boolean containsSipVersion(byte[] b, int firstSp, int end) {
        for (int i = firstSp; i + 5 <= end; i++) {
            if (startsWithSip(b, i, end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b[i, end)} starts with " SIP/" (any case). */
    private static boolean startsWithSip(byte[] b, int i, int end) {
        return i + 5 <= end && b[i] == ' ' && (b[i + 1] | 0x20) == 's' && (b[i + 2] | 0x20) == 'i'
                && (b[i + 3] | 0x20) == 'p' && b[i + 4] == '/';
    }

    /** The last space after {@code firstSp} in a request line ending at {@code end}, or {@code firstSp}. */
    private static int lastSpace(byte[] b, int firstSp, int end) {
        for (int i = end - 1; i > firstSp; i--) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return firstSp;
    }

    private static ParseResult parseStatusLine(Line line, Headers headers, String defect) {
        byte[] b = line.b();
        int firstSp = line.firstSp();
        int end = line.end();
        String version = version(b, line.start(), firstSp);
        if (!isSipVersion(version)) {
            return ParseResult.failure("Bad SIP version in the status line");
        }
        int secondSp = Grammar.indexOf(b, ' ', firstSp + 1, end);
        int codeEnd = secondSp < 0 ? end : secondSp;
        if (codeEnd - firstSp - 1 != 3 || !Grammar.isDigit(b[firstSp + 1]) || !Grammar.isDigit(b[firstSp + 2])
                || !Grammar.isDigit(b[firstSp + 3])) {
            return ParseResult.failure("Bad status code in the status line");
        }
        int status = (b[firstSp + 1] - '0') * 100 + (b[firstSp + 2] - '0') * 10 + (b[firstSp + 3] - '0');
        if (status < 100) {
            return ParseResult.failure("Status code below 100");
        }
        String reason = secondSp < 0 ? "" : Grammar.text(b, secondSp + 1, end);
        // without a reason phrase the line would be written with a trailing space
        boolean raw = line.ascii() && secondSp >= 0;
        return new ParseResult(new SipResponse(status, reason, version, headers, b, line.bodyOff(), line.bodyLen(),
                raw ? line.start() : -1, end, defect), null);
    }

    private static ParseResult parseRequestLine(Line line, int lastSp, Headers headers, String defect) {
        byte[] b = line.b();
        int firstSp = line.firstSp();
        int end = line.end();
        String known = SipMethod.known(b, line.start(), firstSp);
        String method = known != null ? known : Grammar.text(b, line.start(), firstSp);
        String version = version(b, lastSp + 1, end);
        String lineDefect = null;
        boolean uriOk = lastSp > firstSp + 1
                && Bytes.indexOfEither(b, (byte) ' ', (byte) '\t', firstSp + 1, lastSp) == lastSp;
        // a byte of 0x80 or above is no token byte, as the character it decodes to is no token
        // character; every known method is a token
        boolean token = known != null || Grammar.isToken(b, line.start(), firstSp);
        if (!token) {
            lineDefect = "Bad method in the Request-Line";
        } else if (!uriOk) {
            lineDefect = "Malformed Request-Line";
        } else if (!isSipVersion(version)) {
            lineDefect = "Bad SIP version in the Request-Line";
        }
        // the received line is reused only if method, URI and version are cut from it unchanged
        boolean raw = line.ascii() && lastSp > firstSp && token;
        if (!token) {
            method = "UNKNOWN";
        }
        String d = defect != null ? defect : lineDefect;
        // the URI is cut from the line when asked for; without one it is empty
        return new ParseResult(new SipRequest(method, null, firstSp + 1, Math.max(lastSp, firstSp + 1), version, headers,
                b, line.bodyOff(), line.bodyLen(), raw ? line.start() : -1, end, d), null);
    }

    /** {@code b[start, end)}, without a new String when it is the usual {@code SIP/2.0}. */
    private static String version(byte[] b, int start, int end) {
        return startsWith(b, start, end, SIP_2_0) && end - start == SIP_2_0.length() ? SIP_2_0 : Grammar.text(b, start, end);
    }

    /** {@code SIP/1*DIGIT.1*DIGIT}, the name case-insensitive (RFC 3261 §7.1). */
    static boolean isSipVersion(String v) {
        if (v == SIP_2_0) {
            return true;
        }
        if (v.length() < 7 || !v.regionMatches(true, 0, "SIP/", 0, 4)) {
            return false;
        }
        int dot = v.indexOf('.', 4);
        if (dot <= 4 || dot == v.length() - 1) {
            return false;
        }
        for (int i = 4; i < v.length(); i++) {
            char c = v.charAt(i);
            if (i != dot && !Grammar.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For stream framing: the index just past the blank line that ends the headers in
     * {@code buf[from, end)}, or -1 if it has not arrived yet.
     */
    public static int headerSectionEnd(byte[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            if (buf[i] == '\n') {
                if (i + 1 < end && buf[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < end && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }
}
