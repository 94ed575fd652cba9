package org.switchboard.dialplan.plan;

import java.util.List;
import org.switchboard.dialplan.rule.Rule;

/**
 * What the plan decided for one call, with how it got there (for {@code dialplan test} and logs).
 * Immutable.
 *
 * @param kind what to do
 * @param rule the rule that decided, or {@code null} (no rule matched, or no plan for the domain)
 * @param rewrites the {@code continue} rules that rewrote the number before, in order
 * @param number the number after all rewrites
 * @param targets the URIs to forward or redirect to, in order; empty otherwise
 * @param status the status of a rejection, else 0
 * @param reason the reason phrase of a rejection, else {@code null}
 * @param errorInfo the Error-Info URL of a rejection, or {@code null}
 */
public record Outcome(Kind kind, Rule rule, List<Rule> rewrites, String number, List<String> targets, int status,
        String reason, String errorInfo) {

    /** What to do with the call. */
    public enum Kind {
        /** Ring {@link #targets()} together. */
        FORWARD,
        /** Answer 302 with {@link #targets()} as Contacts. */
        REDIRECT,
        /** Answer {@link #status()} {@link #reason()}: a reject rule, 484 for an incomplete number, or unmatched. */
        REJECT,
        /** Route to {@link #number()} as without a plan: no plan for the domain, an unmatched emergency number, or unmatched calls set to local. */
        DEFAULT
    }

    public Outcome {
        rewrites = List.copyOf(rewrites);
        targets = List.copyOf(targets);
    }

    static Outcome forward(Rule rule, List<Rule> rewrites, String number, List<String> targets) {
        return new Outcome(Kind.FORWARD, rule, rewrites, number, targets, 0, null, null);
    }

    static Outcome redirect(Rule rule, List<Rule> rewrites, String number, List<String> targets) {
        return new Outcome(Kind.REDIRECT, rule, rewrites, number, targets, 0, null, null);
    }

    static Outcome reject(Rule rule, List<Rule> rewrites, String number, int status, String reason,
            String errorInfo) {
        return new Outcome(Kind.REJECT, rule, rewrites, number, List.of(), status, reason, errorInfo);
    }

    static Outcome byDefault(List<Rule> rewrites, String number) {
        return new Outcome(Kind.DEFAULT, null, rewrites, number, List.of(), 0, null, null);
    }

    /** One line for a log or the CLI, e.g. {@code reject 403 Forbidden (rule 20 intl-deny)}. */
    public String describe() {
        String by = rule == null ? "no rule" : "rule " + rule.priority() + " " + rule.name();
        switch (kind) {
            case FORWARD:
                return "forward to " + String.join(", ", targets) + " (" + by + ")";
            case REDIRECT:
                return "redirect (302) to " + String.join(", ", targets) + " (" + by + ")";
            case REJECT:
                return "reject " + status + " " + reason + (errorInfo == null ? "" : " Error-Info <" + errorInfo + ">")
                        + " (" + by + ")";
            default:
                return "route " + number + " as without a dial plan (" + by + ")";
        }
    }
}
