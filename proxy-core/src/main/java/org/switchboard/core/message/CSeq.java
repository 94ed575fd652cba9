package org.switchboard.core.message;

/** The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and a method. */
public record CSeq(long number, String method) {

    public static CSeq parse(String s) {
        String t = s.trim();
        int sp = 0;
        while (sp < t.length() && !Grammar.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        if (sp == t.length()) {
            throw new SipParseException("Bad CSeq");
        }
        long number = Grammar.parseNumber(t.substring(0, sp), 10, "CSeq");
        if (number >= 1L << 31) {
            throw new SipParseException("CSeq number too large");
        }
        String method = t.substring(sp).trim();
        if (!Grammar.isToken(method)) {
            throw new SipParseException("Bad CSeq method");
        }
        return new CSeq(number, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
