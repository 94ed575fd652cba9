package org.switchboard.core.message;

/** Character classes and small scanners of the RFC 3261 §25 grammar, shared by the header parsers. */
final class Grammar {
    private static final boolean[] TOKEN = new boolean[128];
    private static final boolean[] WORD = new boolean[128];

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
        System.arraycopy(TOKEN, 0, WORD, 0, 128);
        for (char c : "()<>:\\\"/[]?{}".toCharArray()) {
            WORD[c] = true;
        }
    }

    private Grammar() {
    }

    static boolean isToken(char c) {
        return c < 128 && TOKEN[c];
    }

    static boolean isWordChar(char c) {
        return c < 128 && WORD[c];
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
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

    static int skipWhitespace(String s, int i) {
        while (i < s.length() && isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just past the closing quote of the quoted-string starting at {@code start} (a '"'). */
    static int endOfQuoted(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        throw new SipParseException("Unterminated quoted string");
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

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /**
     * Parses {@code 1*DIGIT} (leading zeros allowed, surrounding whitespace ignored) whose value
     * must not exceed {@code max}, or throws.
     */
    static long parseNumber(String s, long max, String what) {
        return parseNumber(s, 0, s.length(), max, what);
    }

    /** As {@link #parseNumber(String, long, String)}, for {@code s[start, end)}. */
    static long parseNumber(String s, int start, int end, long max, String what) {
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new SipParseException("Bad " + what);
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
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

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
