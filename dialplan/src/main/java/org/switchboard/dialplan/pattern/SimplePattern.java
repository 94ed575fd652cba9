package org.switchboard.dialplan.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The simple pattern syntax of the snom 4S's rule table, on the user part and optionally the host:
 *
 * <ul>
 *   <li>{@code x} (or {@code X}) one digit; {@code [1-5]}, {@code [135]}, {@code [1-35-9]} one
 *       digit of a class; {@code *} the rest, possibly nothing, and only at the end; every other
 *       character stands for itself ({@code 0}, {@code +}, {@code #}, letters);
 *   <li>{@code @host} after the user part: {@code ~} any of our domains, {@code *} any host, or a
 *       host name; without it the pattern applies to numbers dialled in our domains ({@code @~}).
 * </ul>
 *
 * Each run of {@code x} and classes, and the {@code *}, is a group that the rewrite template refers
 * to as {@code {1}}, {@code {2}}... in order; {@code {user}} is the whole number. So {@code 9xxx} with
 * rewrite {@code {1}} turns 9201 into 201. Immutable and thread-safe.
 */
public final class SimplePattern implements NumberPattern {
    private static final byte LITERAL = 0;
    private static final byte DIGIT = 1;
    private static final byte CLASS = 2;
    private static final byte REST = 3;
    /** Host forms: one of ours, any, or the literal {@link #host}. */
    private static final String OURS = "~";
    private static final String ANY = "*";

    private final String source;
    private final byte[] kinds;
    private final char[] literals;
    private final boolean[][] classes;
    /** The group of each token, or -1 for a literal. */
    private final int[] groupOf;
    private final int groups;
    private final String host;
    private final Template rewrite;
    private final String literalPrefix;

    private SimplePattern(String source, byte[] kinds, char[] literals, boolean[][] classes, int[] groupOf,
            int groups, String host, Template rewrite) {
        this.source = source;
        this.kinds = kinds;
        this.literals = literals;
        this.classes = classes;
        this.groupOf = groupOf;
        this.groups = groups;
        this.host = host;
        this.rewrite = rewrite;
        int n = 0;
        while (n < kinds.length && kinds[n] == LITERAL) {
            n++;
        }
        this.literalPrefix = new String(literals, 0, n);
    }

    /**
     * @param rewrite the rewrite template, or {@code null} for none
     * @throws RuleSyntaxException with the position of the first error
     */
    static SimplePattern compile(String field, String text, String rewrite) {
        int at = text.indexOf('@');
        String user = at < 0 ? text : text.substring(0, at);
        String host = at < 0 ? OURS : text.substring(at + 1).toLowerCase(Locale.ROOT);
        if (at >= 0 && host.isEmpty()) {
            throw new RuleSyntaxException(field, at, "a host must follow @ (~ for our domains, * for any)");
        }
        if (user.isEmpty()) {
            throw new RuleSyntaxException(field, 0, "the user part is empty (* for any number)");
        }
        List<Byte> kinds = new ArrayList<>();
        StringBuilder literals = new StringBuilder();
        List<boolean[]> classes = new ArrayList<>();
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            boolean[] set = null;
            byte kind;
            if (c == 'x' || c == 'X') {
                kind = DIGIT;
            } else if (c == '*') {
                if (i != user.length() - 1) {
                    throw new RuleSyntaxException(field, i, "* stands for the rest of the number and must come last");
                }
                kind = REST;
            } else if (c == '[') {
                int close = user.indexOf(']', i);
                if (close < 0) {
                    throw new RuleSyntaxException(field, i, "[ without ]");
                }
                set = digitClass(field, user, i + 1, close);
                kind = CLASS;
                i = close;
            } else if (c == ']') {
                throw new RuleSyntaxException(field, i, "] without [");
            } else {
                kind = LITERAL;
            }
            kinds.add(kind);
            literals.append(kind == LITERAL ? c : '\0');
            classes.add(set);
        }
        byte[] kindArray = new byte[kinds.size()];
        int[] groupOf = new int[kinds.size()];
        int groups = 0;
        for (int i = 0; i < kindArray.length; i++) {
            kindArray[i] = kinds.get(i);
            if (kindArray[i] == LITERAL) {
                groupOf[i] = -1;
            } else {
                boolean continuesRun = i > 0 && kindArray[i] != REST && (kindArray[i - 1] == DIGIT
                        || kindArray[i - 1] == CLASS);
                groupOf[i] = continuesRun ? groupOf[i - 1] : groups++;
            }
        }
        Template template = rewrite == null || rewrite.isEmpty() ? null : Template.compile(rewrite, groups);
        return new SimplePattern(text, kindArray, literals.toString().toCharArray(),
                classes.toArray(boolean[][]::new), groupOf, groups, host, template);
    }

    private static boolean[] digitClass(String field, String user, int from, int close) {
        if (from == close) {
            throw new RuleSyntaxException(field, from - 1, "an empty class []");
        }
        boolean[] set = new boolean[10];
        for (int i = from; i < close; i++) {
            char c = user.charAt(i);
            if (!isDigit(c)) {
                throw new RuleSyntaxException(field, i, "a class holds digits and ranges such as [1-5], not '" + c + "'");
            }
            if (i + 2 < close && user.charAt(i + 1) == '-') {
                char to = user.charAt(i + 2);
                if (!isDigit(to) || to < c) {
                    throw new RuleSyntaxException(field, i + 2, "a range goes from a digit up to a digit, as in 1-5");
                }
                for (char d = c; d <= to; d++) {
                    set[d - '0'] = true;
                }
                i += 2;
            } else {
                set[c - '0'] = true;
            }
        }
        return set;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public Fit fit(String user, String requestHost, Predicate<String> ourDomains) {
        if (!hostFits(requestHost, ourDomains)) {
            return Fit.NONE;
        }
        int n = user.length();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == REST) {
                return Fit.MATCH;
            }
            if (i == n) {
                // the number ended while the pattern wants more: more digits may complete it
                return Fit.PREFIX;
            }
            if (!accepts(i, user.charAt(i))) {
                return Fit.NONE;
            }
        }
        return n == kinds.length ? Fit.MATCH : Fit.NONE;
    }

    private boolean hostFits(String requestHost, Predicate<String> ourDomains) {
        if (host.equals(ANY)) {
            return true;
        }
        if (host.equals(OURS)) {
            return ourDomains.test(requestHost);
        }
        return host.equalsIgnoreCase(requestHost);
    }

    private boolean accepts(int token, char c) {
        switch (kinds[token]) {
            case LITERAL:
                return literals[token] == c;
            case DIGIT:
                return isDigit(c);
            case CLASS:
                return isDigit(c) && classes[token][c - '0'];
            default:
                return true;
        }
    }

    @Override
    public String rewrite(String user) {
        if (rewrite == null) {
            return user;
        }
        String[] values = new String[groups];
        for (int i = 0; i < kinds.length; i++) {
            int g = groupOf[i];
            if (g < 0) {
                continue;
            }
            if (kinds[i] == REST) {
                values[g] = user.substring(i);
            } else if (values[g] == null) {
                int end = i;
                while (end < kinds.length && groupOf[end] == g) {
                    end++;
                }
                values[g] = user.substring(i, end);
            }
        }
        return rewrite.expand(user, values);
    }

    @Override
    public String literalPrefix() {
        return literalPrefix;
    }

    @Override
    public boolean rewrites() {
        return rewrite != null;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
