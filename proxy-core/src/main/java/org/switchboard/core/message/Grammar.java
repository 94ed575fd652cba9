package org.switchboard.core.message;

import java.nio.charset.StandardCharsets;

/** Character classes and small scanners of the RFC 3261 §25 grammar, shared by the header parsers. */
final class Grammar {
    /** Indexed by a byte's unsigned value, so that a lookup needs no range check. */
    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            TOKEN[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private Grammar() {
    }

    static boolean isToken(char c) {
        return c < 256 && TOKEN[c];
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isToken(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[start, end)} is a token: not empty, all token bytes. */
    static boolean isToken(byte[] s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!TOKEN[s[i] & 0xff]) {
                return false;
            }
        }
        return start < end;
    }

    static boolean isToken(byte b) {
        return TOKEN[b & 0xff];
    }

    static boolean isWhitespace(byte b) {
        // one test settles the usual byte, anything above SP
        return (b & 0xff) <= ' ' && (b == ' ' || b == '\t' || b == '\r' || b == '\n');
    }

    static int skipWhitespace(byte[] s, int i, int end) {
        while (i < end && isWhitespace(s[i])) {
            i++;
        }
        return i;
    }

    /** The index of the first {@code c} (ASCII) in {@code s[from, end)}, or -1. */
    static int indexOf(byte[] s, char c, int from, int end) {
        return Bytes.indexOf(s, (byte) c, from, end);
    }

    /**
     * Index just past the closing quote of the quoted-string starting at {@code start} (a '"') in
     * {@code s[start, end)}. A backslash escapes the next byte; the bytes of a multi-byte UTF-8
     * character are never a quote or a backslash, so this matches a scan over the decoded text.
     */
    static int endOfQuoted(byte[] s, int start, int end) {
        // a backslash found makes the search go on after the byte it escapes
        int i = Bytes.indexOfEither(s, (byte) '"', (byte) '\\', start + 1, end);
        while (i < end && s[i] != '"') {
            i = Bytes.indexOfEither(s, (byte) '"', (byte) '\\', i + 2, end);
        }
        if (i < end) {
            return i + 1;
        }
        throw new SipParseException("Unterminated quoted string");
    }

    /**
     * {@code s[start, end)} decoded as UTF-8. Every grammar cuts at ASCII delimiters, which never
     * occur inside a multi-byte character, so a piece decodes to the same text as the same piece
     * cut from the decoded value.
     */
    static String text(byte[] s, int start, int end) {
        return new String(s, start, end - start, StandardCharsets.UTF_8);
    }

    /** The UTF-8 bytes of text handed to a parser as a String. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String unquote(String quoted) {
        StringBuilder b = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * Parses {@code 1*DIGIT} in {@code s[start, end)} (leading zeros allowed, surrounding
     * whitespace ignored) whose value must not exceed {@code max}, or throws.
     */
    static long parseNumber(byte[] s, int start, int end, long max, String what) {
        while (start < end && isWhitespace(s[start])) {
            start++;
        }
        while (end > start && isWhitespace(s[end - 1])) {
            end--;
        }
        if (start == end) {
            throw new SipParseException("Bad " + what);
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            int c = s[i];
            if (c < '0' || c > '9') {
                throw new SipParseException("Bad " + what);
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                throw new SipParseException(what + " too large");
            }
        }
        return v;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code c} with A-Z mapped to a-z. */
    static int lowerAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(byte c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
