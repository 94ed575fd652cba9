package org.switchboard.dialplan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.switchboard.dialplan.pattern.Fit;
import org.switchboard.dialplan.rule.Action;
import org.switchboard.dialplan.rule.ForwardTarget;
import org.switchboard.dialplan.rule.Rule;

/**
 * One domain's rules in order (priority, then name) with their prefix index. Immutable and
 * thread-safe: evaluation allocates only its result and small index arrays.
 */
final class DomainPlan {
    private final Rule[] rules;
    private final PrefixIndex index;

    /** @param rules in evaluation order */
    DomainPlan(List<Rule> rules) {
        this.rules = rules.toArray(Rule[]::new);
        this.index = new PrefixIndex(rules.stream().map(r -> r.callee().literalPrefix()).toList());
    }

    List<Rule> rules() {
        return List.of(rules);
    }

    /**
     * The first rule (in order) whose caller condition, schedule and callee pattern all fit decides;
     * a {@code continue} rule rewrites the number and the rules after it go on with the new number.
     * An emergency number passes every rejecting rule. With no decision: an emergency number is
     * routed as without a plan; a number that is a proper prefix of one an applicable rule accepts is
     * incomplete (484, RFC 3261 §21.4.22); anything else gets the unmatched status.
     */
    Outcome evaluate(Call call, PlanOptions options, Predicate<String> ourDomains) {
        String number = call.number();
        boolean emergency = options.emergencyNumbers().contains(number);
        List<Rule> rewrites = new ArrayList<>(0);
        int from = 0;
        // whether an applicable rule scanned for the current number could accept it with more digits
        boolean prefix;
        scan:
        while (true) {
            prefix = false;
            for (int i : index.candidates(number)) {
                if (i < from) {
                    continue;
                }
                Rule rule = rules[i];
                if (!applies(rule, call, ourDomains)) {
                    continue;
                }
                Fit fit = rule.callee().fit(number, call.host(), ourDomains);
                if (fit == Fit.PREFIX) {
                    prefix = true;
                }
                if (fit != Fit.MATCH || (emergency && rule.action() instanceof Action.Reject)) {
                    continue;
                }
                String rewritten = rule.callee().rewrite(number);
                if (rule.action() instanceof Action.Continue) {
                    rewrites.add(rule);
                    number = rewritten;
                    emergency |= options.emergencyNumbers().contains(number);
                    from = i + 1;
                    continue scan;
                }
                return decide(rule, rewrites, rewritten, call);
            }
            break;
        }
        if (emergency) {
            return Outcome.byDefault(rewrites, number);
        }
        if (prefix || anyPrefix(index.longer(number), number, from, call, ourDomains)) {
            return Outcome.reject(null, rewrites, number, 484, "Address Incomplete", null);
        }
        if (options.unmatchedStatus() == 0) {
            return Outcome.byDefault(rewrites, number);
        }
        return Outcome.reject(null, rewrites, number, options.unmatchedStatus(),
                options.unmatchedStatus() == 404 ? "Not Found" : "No Route", null);
    }

    private static boolean applies(Rule rule, Call call, Predicate<String> ourDomains) {
        return rule.caller().applies(call.caller(), ourDomains)
                && (rule.schedule() == null || rule.schedule().applies(call.at()));
    }

    /** Whether an applicable rule whose prefix is longer than {@code number} could accept it with more digits. */
    private boolean anyPrefix(int[] candidates, String number, int from, Call call, Predicate<String> ourDomains) {
        for (int i : candidates) {
            Rule rule = rules[i];
            if (i >= from && applies(rule, call, ourDomains)
                    && rule.callee().fit(number, call.host(), ourDomains) == Fit.PREFIX) {
                return true;
            }
        }
        return false;
    }

    private static Outcome decide(Rule rule, List<Rule> rewrites, String number, Call call) {
        String callerNumber = call.caller().number();
        if (rule.action() instanceof Action.Forward forward) {
            List<String> targets = new ArrayList<>(forward.targets().size());
            for (ForwardTarget t : forward.targets()) {
                targets.add(t.resolve(number, callerNumber, call.domain()));
            }
            return Outcome.forward(rule, rewrites, number, targets);
        }
        if (rule.action() instanceof Action.Redirect redirect) {
            return Outcome.redirect(rule, rewrites, number, redirect.uris().stream()
                    .map(u -> ForwardTarget.expand(u, number, callerNumber, call.domain())).toList());
        }
        Action.Reject reject = (Action.Reject) rule.action();
        return Outcome.reject(rule, rewrites, number, reject.status(), reject.reason(), reject.errorInfo());
    }
}
