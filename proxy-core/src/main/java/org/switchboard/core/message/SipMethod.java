package org.switchboard.core.message;

/** The method names Switchboard knows (RFC 3261 and extensions). Methods are case-sensitive. */
public final class SipMethod {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String PRACK = "PRACK";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String PUBLISH = "PUBLISH";
    public static final String INFO = "INFO";
    public static final String REFER = "REFER";
    public static final String MESSAGE = "MESSAGE";
    public static final String UPDATE = "UPDATE";

    private static final String[] KNOWN = {INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK, SUBSCRIBE, NOTIFY,
        PUBLISH, INFO, REFER, MESSAGE, UPDATE};

    /**
     * The constants by their first letter (A-Z at 0-25), so that a look-up compares one or two, each
     * with its bytes, which compare without {@link String#charAt}'s checks.
     */
    private static final Spelling[][] BY_FIRST_LETTER = new Spelling[26][0];

    private record Spelling(String name, byte[] bytes) {
    }

    static {
        for (String m : KNOWN) {
            int letter = m.charAt(0) - 'A';
            Spelling[] same = java.util.Arrays.copyOf(BY_FIRST_LETTER[letter], BY_FIRST_LETTER[letter].length + 1);
            same[same.length - 1] = new Spelling(m, m.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            BY_FIRST_LETTER[letter] = same;
        }
    }

    private SipMethod() {
    }

    /** {@code s[start, end)} as a String: the constant above if it is one, so parsing allocates none. */
    static String of(byte[] s, int start, int end) {
        String known = known(s, start, end);
        return known != null ? known : Grammar.text(s, start, end);
    }

    /** The constant above that {@code s[start, end)} spells exactly, or {@code null}. */
    static String known(byte[] s, int start, int end) {
        int letter = end > start ? s[start] - 'A' : -1;
        if (letter >= 0 && letter < BY_FIRST_LETTER.length) {
            for (Spelling m : BY_FIRST_LETTER[letter]) {
                if (m.bytes().length == end - start && matches(s, start, m.bytes())) {
                    return m.name();
                }
            }
        }
        return null;
    }

    private static boolean matches(byte[] s, int start, byte[] m) {
        for (int k = 0; k < m.length; k++) {
            if (s[start + k] != m[k]) {
                return false;
            }
        }
        return true;
    }
}
