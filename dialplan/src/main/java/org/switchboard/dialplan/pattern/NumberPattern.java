package org.switchboard.dialplan.pattern;

import java.util.function.Predicate;

/**
 * A compiled callee or caller pattern. Immutable and thread-safe; matching allocates only for a
 * regular expression's matcher.
 */
public sealed interface NumberPattern permits SimplePattern, RegexPattern {

    /**
     * How {@code user@host} fits this pattern.
     *
     * @param user the user part (the dialled number)
     * @param host the host, lower case
     * @param ourDomains whether a host is one of our domains
     */
    Fit fit(String user, String host, Predicate<String> ourDomains);

    /**
     * The number after this pattern's rewrite, for a number it {@link Fit#MATCH matches}; the
     * number itself when the pattern has no rewrite.
     */
    String rewrite(String user);

    /**
     * The literal characters every matching user part starts with (empty if none): the key under
     * which the compiled plan indexes the rule.
     */
    String literalPrefix();

    /** Whether this pattern carries its own rewrite (a regular expression's replacement). */
    boolean rewrites();

    /** The pattern as the admin wrote it. */
    String source();

    /**
     * Compiles a pattern: {@code !regex!replacement!flags} when it starts with {@code !}, else the
     * simple syntax, with {@code rewrite} (may be {@code null}) as its rewrite template.
     *
     * @param field the rule's field, for error messages
     * @throws RuleSyntaxException with the position of the error
     */
    static NumberPattern compile(String field, String text, String rewrite) {
        if (text == null || text.isBlank()) {
            throw new RuleSyntaxException(field, -1, "a pattern is needed (* for any number)");
        }
        if (text.startsWith("!")) {
            if (rewrite != null && !rewrite.isEmpty()) {
                throw new RuleSyntaxException("rewrite", -1,
                        "a !pattern!replacement!flags expression carries its own rewrite; leave rewrite empty");
            }
            return RegexPattern.compile(field, text);
        }
        return SimplePattern.compile(field, text, rewrite);
    }
}
