package org.switchboard.core.transport.netty;

import io.netty.buffer.ByteBuf;

/**
 * Finds the Content-Length of a message in a stream buffer, for framing (RFC 3261 §18.3), without
 * copying or parsing the other headers. Stateless.
 */
final class ContentLength {
    /** No Content-Length header in the header section. */
    static final long MISSING = -1;
    /** A Content-Length that is not a number, or two that disagree. */
    static final long INVALID = -2;

    private static final int MAX_DIGITS = 10;

    private ContentLength() {
    }

    /**
     * The Content-Length in the header section {@code buf[from, to)} (start line, headers and blank
     * line), or {@link #MISSING} or {@link #INVALID}. Matches the long and the compact form
     * ({@code l}) case-insensitively and follows folded lines.
     */
    static long find(ByteBuf buf, int from, int to) {
        long found = MISSING;
        int line = nextLine(buf, from, to); // the start line is never a header
        while (line < to) {
            int next = nextLine(buf, line, to);
            int valueStart = valueStartIfContentLength(buf, line, next);
            if (valueStart >= 0) {
                int valueEnd = next;
                while (valueEnd < to && isWhitespace(buf.getByte(valueEnd))) {
                    valueEnd = nextLine(buf, valueEnd, to); // folded continuation lines
                }
                long value = parseNumber(buf, valueStart, valueEnd);
                if (value == INVALID || (found != MISSING && found != value)) {
                    return INVALID;
                }
                found = value;
                next = valueEnd;
            }
            line = next;
        }
        return found;
    }

    private static int nextLine(ByteBuf buf, int from, int to) {
        int lf = buf.indexOf(from, to, (byte) '\n');
        return lf < 0 ? to : lf + 1;
    }

    /** Where the value begins if the line is a Content-Length header, else -1. */
    private static int valueStartIfContentLength(ByteBuf buf, int line, int end) {
        int nameEnd = line;
        while (nameEnd < end && buf.getByte(nameEnd) != ':' && !isWhitespace(buf.getByte(nameEnd))
                && buf.getByte(nameEnd) != '\r' && buf.getByte(nameEnd) != '\n') {
            nameEnd++;
        }
        if (!nameIs(buf, line, nameEnd, "content-length") && !nameIs(buf, line, nameEnd, "l")) {
            return -1;
        }
        int colon = nameEnd;
        while (colon < end && isWhitespace(buf.getByte(colon))) {
            colon++;
        }
        return colon < end && buf.getByte(colon) == ':' ? colon + 1 : -1;
    }

    private static boolean nameIs(ByteBuf buf, int from, int to, String lowerName) {
        if (to - from != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            if (Character.toLowerCase((char) buf.getByte(from + i)) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long parseNumber(ByteBuf buf, int from, int to) {
        long value = 0;
        int digits = 0;
        boolean afterNumber = false;
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (b >= '0' && b <= '9' && !afterNumber) {
                value = value * 10 + (b - '0');
                if (++digits > MAX_DIGITS) {
                    return INVALID;
                }
            } else if (isWhitespace(b) || b == '\r' || b == '\n') {
                afterNumber = digits > 0;
            } else {
                return INVALID;
            }
        }
        return digits == 0 ? INVALID : value;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }
}
