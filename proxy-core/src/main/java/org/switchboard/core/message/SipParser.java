package org.switchboard.core.message;

import java.nio.charset.StandardCharsets;
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
        int startLineEnd = lineEnd > p && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        for (int i = p; i < startLineEnd; i++) {
            if ((buf[i] & 0xff) < 0x20 && buf[i] != '\t') {
                return ParseResult.failure("Control character in the start line");
            }
        }
        String startLine = new String(buf, p, startLineEnd - p, StandardCharsets.UTF_8);
        int firstSp = startLine.indexOf(' ');
        if (firstSp <= 0) {
            return ParseResult.failure("Not a SIP start line");
        }

        HeaderField[] fields = new HeaderField[16];
        int count = 0;
        String defect = null;
        p = lineEnd + 1;
        boolean blankLine = false;
        while (p < end) {
            if (buf[p] == '\n' || (buf[p] == '\r' && p + 1 < end && buf[p + 1] == '\n')) {
                p += buf[p] == '\n' ? 1 : 2;
                blankLine = true;
                break;
            }
            int le = Bytes.indexOfLf(buf, p, end);
            while (le >= 0 && le + 1 < end && (buf[le + 1] == ' ' || buf[le + 1] == '\t')) {
                le = Bytes.indexOfLf(buf, le + 1, end);
            }
            int next = le < 0 ? end : le + 1;
            int contentEnd = le < 0 ? end : (le > p && buf[le - 1] == '\r' ? le - 1 : le);
            int nameEnd = p;
            int hash = 0;
            while (nameEnd < contentEnd && isTokenByte(buf[nameEnd])) {
                hash = HeaderName.step(hash, buf[nameEnd]);
                nameEnd++;
            }
            int colon = nameEnd;
            while (colon < contentEnd && (buf[colon] == ' ' || buf[colon] == '\t')) {
                colon++;
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
                if (count == fields.length) {
                    fields = Arrays.copyOf(fields, count * 2);
                }
                fields[count++] = new HeaderField(HeaderName.of(buf, p, nameEnd - p, hash), buf, p, colon + 1, contentEnd);
            }
            p = next;
        }
        if (!blankLine && defect == null) {
            defect = "Missing blank line after the headers";
        }
        Headers headers = new Headers(fields, count);

        int available = end - p;
        int bodyLength = available;
        String lengthDefect = null;
        String clValue = null;
        for (int i = 0; i < count; i++) {
            if (fields[i].name().equals(HeaderName.CONTENT_LENGTH)) {
                String v = fields[i].value();
                if (clValue != null && !clValue.equals(v)) {
                    lengthDefect = "Conflicting Content-Length headers";
                }
                clValue = v;
            }
        }
        if (clValue == null) {
            if (!datagram) {
                lengthDefect = "Missing Content-Length on a stream transport";
            }
        } else if (lengthDefect == null) {
            long cl;
            try {
                cl = Grammar.parseNumber(clValue, Integer.MAX_VALUE, "Content-Length");
            } catch (SipParseException e) {
                cl = -1;
                lengthDefect = "Bad Content-Length";
            }
            if (cl > available) {
                lengthDefect = "Body shorter than Content-Length";
            } else if (cl >= 0) {
                bodyLength = (int) cl;
            }
        }
        if (defect == null) {
            defect = lengthDefect;
        }
        byte[] body = bodyLength == 0 ? new byte[0] : Arrays.copyOfRange(buf, p, p + bodyLength);

        if (startLine.startsWith("SIP/")) {
            return parseStatusLine(startLine, firstSp, headers, body, defect);
        }
        if (!containsSipVersion(startLine, firstSp)) {
            return ParseResult.failure("Not a SIP start line");
        }
        return parseRequestLine(startLine, firstSp, headers, body, defect);
    }

    /** Whether " SIP/" follows the method somewhere: a request line, though maybe a malformed one. */
    private static boolean containsSipVersion(String line, int firstSp) {
        for (int i = firstSp; i + 5 <= line.length(); i++) {
            if (line.charAt(i) == ' ' && line.regionMatches(true, i + 1, "SIP/", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    private static ParseResult parseStatusLine(String line, int firstSp, Headers headers, byte[] body, String defect) {
        String version = version(line, 0, firstSp);
        if (!isSipVersion(version)) {
            return ParseResult.failure("Bad SIP version in the status line");
        }
        int secondSp = line.indexOf(' ', firstSp + 1);
        String code = secondSp < 0 ? line.substring(firstSp + 1) : line.substring(firstSp + 1, secondSp);
        if (code.length() != 3 || !Grammar.isDigit(code.charAt(0)) || !Grammar.isDigit(code.charAt(1))
                || !Grammar.isDigit(code.charAt(2))) {
            return ParseResult.failure("Bad status code in the status line");
        }
        int status = Integer.parseInt(code);
        if (status < 100) {
            return ParseResult.failure("Status code below 100");
        }
        String reason = secondSp < 0 ? "" : line.substring(secondSp + 1);
        return new ParseResult(new SipResponse(status, reason, version, headers, body, defect), null);
    }

    private static ParseResult parseRequestLine(String line, int firstSp, Headers headers, byte[] body, String defect) {
        String method = SipMethod.of(line, 0, firstSp);
        int lastSp = line.lastIndexOf(' ');
        String version = version(line, lastSp + 1, line.length());
        String uri = lastSp > firstSp ? line.substring(firstSp + 1, lastSp) : "";
        String lineDefect = null;
        if (!Grammar.isToken(method)) {
            lineDefect = "Bad method in the Request-Line";
        } else if (uri.isEmpty() || uri.indexOf(' ') >= 0 || uri.indexOf('\t') >= 0) {
            lineDefect = "Malformed Request-Line";
        } else if (!isSipVersion(version)) {
            lineDefect = "Bad SIP version in the Request-Line";
        }
        if (!Grammar.isToken(method)) {
            method = "UNKNOWN";
        }
        String d = defect != null ? defect : lineDefect;
        return new ParseResult(new SipRequest(method, uri, version, headers, body, d), null);
    }

    /** {@code line[start, end)}, without a new String when it is the usual {@code SIP/2.0}. */
    private static String version(String line, int start, int end) {
        return end - start == SIP_2_0.length() && line.startsWith(SIP_2_0, start) ? SIP_2_0 : line.substring(start, end);
    }

    /** {@code SIP/1*DIGIT.1*DIGIT}, the name case-insensitive (RFC 3261 §7.1). */
    static boolean isSipVersion(String v) {
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

    private static boolean isTokenByte(byte b) {
        return b > 0 && Grammar.isToken((char) b);
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
