package org.switchboard.dialplan.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression in the {@code !pattern!replacement!flags} form of snom phones and snom ONE,
 * on the user part of numbers dialled in our domains. The expression must match the whole number;
 * the replacement, when not empty, becomes the new number, with {@code \1}..{@code \9} for the
 * groups and {@code \0} for the whole number. Flags: {@code i} ignores case. A {@code !} inside the
 * expression is written {@code \!}. Immutable and thread-safe (a matcher per thread).
 *
 * <p>{@link #fit} reports {@link Fit#PREFIX} when the match failed only because the number ended
 * ({@link Matcher#hitEnd()}): with more digits it could match, which is overlap dialling.
 */
public final class RegexPattern implements NumberPattern {
    private final String source;
    private final Pattern pattern;
    /** Literal strings and group numbers (boxed) of the replacement; empty for no rewrite. */
    private final Object[] replacement;
    private final String literalPrefix;
    /**
     * One matcher per thread, reset for each number: the proxy's event loops evaluate the plan for
     * every call, and a new matcher per rule and call is most of the garbage a decision would make.
     */
    private final ThreadLocal<Matcher> matchers;

    private RegexPattern(String source, Pattern pattern, Object[] replacement, String literalPrefix) {
        this.source = source;
        this.pattern = pattern;
        this.replacement = replacement;
        this.literalPrefix = literalPrefix;
        this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    static RegexPattern compile(String field, String text) {
        int second = delimiter(text, 1);
        int third = second < 0 ? -1 : delimiter(text, second + 1);
        if (third < 0) {
            throw new RuleSyntaxException(field, text.length(),
                    "a regular expression is written !pattern!replacement!flags (replacement and flags may be empty)");
        }
        String expression = text.substring(1, second).replace("\\!", "!");
        int flags = 0;
        for (int i = third + 1; i < text.length(); i++) {
            if (text.charAt(i) == 'i') {
                flags |= Pattern.CASE_INSENSITIVE;
            } else {
                throw new RuleSyntaxException(field, i, "unknown flag '" + text.charAt(i) + "' (only i is known)");
            }
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(expression, flags);
        } catch (PatternSyntaxException e) {
            // the index is within the expression, which starts after the opening !
            throw new RuleSyntaxException(field, 1 + Math.max(0, e.getIndex()), e.getDescription());
        }
        int groups = pattern.matcher("").groupCount();
        Object[] replacement = replacement(field, text, second + 1, third, groups);
        return new RegexPattern(text, pattern, replacement,
                (flags & Pattern.CASE_INSENSITIVE) != 0 ? digitsOnly(literalPrefix(expression))
                        : literalPrefix(expression));
    }

    /** The index of the next unescaped {@code !} from {@code from}, or -1. */
    private static int delimiter(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '!') {
                return i;
            }
        }
        return -1;
    }

    private static Object[] replacement(String field, String text, int from, int to, int groups) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                literal.append(c);
                continue;
            }
            char next = text.charAt(++i);
            if (next >= '0' && next <= '9') {
                int group = next - '0';
                if (group > groups) {
                    throw new RuleSyntaxException(field, i - 1, "\\" + group + " but the expression has " + groups
                            + " group(s)");
                }
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(group);
            } else {
                literal.append(next);
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return parts.toArray();
    }

    /**
     * The literal characters every match starts with, for the plan's index: after an optional
     * {@code ^}, digits, {@code +}-free letters and {@code #} that no quantifier follows. Anything
     * with an alternation gives none, as a top-level {@code |} would make the prefix optional.
     */
    private static String literalPrefix(String expression) {
        if (expression.indexOf('|') >= 0) {
            return "";
        }
        int i = expression.startsWith("^") ? 1 : 0;
        StringBuilder prefix = new StringBuilder();
        while (i < expression.length()) {
            char c = expression.charAt(i);
            boolean plain = Character.isLetterOrDigit(c) || c == '#';
            if (c == '\\' && i + 1 < expression.length() && expression.charAt(i + 1) == '+') {
                c = '+';
                plain = true;
                i++;
            }
            if (!plain) {
                break;
            }
            char after = i + 1 < expression.length() ? expression.charAt(i + 1) : '\0';
            if (after == '?' || after == '*' || after == '{' || after == '+') {
                // the character may be absent or repeated: it is not a fixed part of the prefix
                break;
            }
            prefix.append(c);
            i++;
        }
        return prefix.toString();
    }

    private static String digitsOnly(String prefix) {
        int n = 0;
        while (n < prefix.length() && !Character.isLetter(prefix.charAt(n))) {
            n++;
        }
        return prefix.substring(0, n);
    }

    @Override
    public Fit fit(String user, String host, Predicate<String> ourDomains) {
        if (!ourDomains.test(host)) {
            return Fit.NONE;
        }
        Matcher m = matchers.get().reset(user);
        if (m.matches()) {
            return Fit.MATCH;
        }
        return m.hitEnd() ? Fit.PREFIX : Fit.NONE;
    }

    @Override
    public String rewrite(String user) {
        if (replacement.length == 0) {
            return user;
        }
        Matcher m = matchers.get().reset(user);
        if (!m.matches()) {
            return user;
        }
        StringBuilder out = new StringBuilder(user.length() + 8);
        for (Object part : replacement) {
            if (part instanceof String s) {
                out.append(s);
            } else {
                String group = m.group((Integer) part);
                if (group != null) {
                    out.append(group);
                }
            }
        }
        return out.toString();
    }

    @Override
    public String literalPrefix() {
        return literalPrefix;
    }

    @Override
    public boolean rewrites() {
        return replacement.length > 0;
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
