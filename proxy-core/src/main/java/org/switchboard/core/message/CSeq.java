package org.switchboard.core.message;

/**
 * The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 (§8.1.1.5) and a method.
 * Immutable and thread-safe.
 */
public record CSeq(long number, String method) {
    /** The largest sequence number RFC 3261 §8.1.1.5 allows. */
    public static final long MAX_NUMBER = (1L << 31) - 1;

    /** Digits the one-pass read takes: more (leading zeros) are left to the general one. */
    private static final int MAX_DIGITS = 10;

    /** Parses {@code 1*DIGIT LWS Method}; leading zeros are allowed; throws {@link SipParseException}. */
    public static CSeq parse(String s) {
        byte[] b = Grammar.utf8(s);
        return parse(b, 0, b.length);
    }

    /** As {@link #parse(String)}, for the value in {@code s[start0, n)}. */
    static CSeq parse(byte[] s, int start0, int n) {
        int start = Grammar.skipWhitespace(s, start0, n);
        // the usual value, read in one pass: digits, one space, a known method (a token) up to the end
        long digits = 0;
        int i = start;
        while (i < n && i - start < MAX_DIGITS && Grammar.isDigit(s[i])) {
            digits = digits * 10 + s[i++] - '0';
        }
        if (i > start && i < n && s[i] == ' ' && digits <= MAX_NUMBER) {
            String method = SipMethod.known(s, i + 1, n);
            if (method != null) {
                return new CSeq(digits, method);
            }
        }
        int sp = start;
        while (sp < n && !Grammar.isWhitespace(s[sp])) {
            sp++;
        }
        if (sp == n) {
            throw new SipParseException("Bad CSeq");
        }
        long number = Grammar.parseNumber(s, start, sp, MAX_NUMBER, "CSeq");
        // the method trimmed as String.trim would: of all characters up to SP
        int methodStart = sp;
        while (methodStart < n && (s[methodStart] & 0xff) <= ' ') {
            methodStart++;
        }
        int methodEnd = n;
        while (methodEnd > methodStart && (s[methodEnd - 1] & 0xff) <= ' ') {
            methodEnd--;
        }
        if (!Grammar.isToken(s, methodStart, methodEnd)) {
            throw new SipParseException("Bad CSeq method");
        }
        return new CSeq(number, SipMethod.of(s, methodStart, methodEnd));
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
