package org.switchboard.dialplan.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.dialplan.rule.Rule;

/**
 * A compiled dial plan: every domain's rules, the users' permission classes and the options,
 * immutable, so the plan a call started with stays the same while a new one is swapped in. A
 * domain without rules routes as without a plan (to the registered user), which keeps a server
 * with no rules as it was. Thread-safe.
 */
public final class DialPlan {
    /** The plan of a server without rules. */
    public static final DialPlan EMPTY = new DialPlan(Map.of(), Map.of(), PlanOptions.DEFAULTS, 0);

    private final Map<String, DomainPlan> domains;
    private final Map<AddressOfRecord, String> classes;
    private final PlanOptions options;
    private final long revision;

    DialPlan(Map<String, DomainPlan> domains, Map<AddressOfRecord, String> classes, PlanOptions options,
            long revision) {
        this.domains = Map.copyOf(domains);
        this.classes = Map.copyOf(classes);
        this.options = options;
        this.revision = revision;
    }

    /** Whether the domain has rules; without, its calls route as without a plan. */
    public boolean hasRules(String domain) {
        return domains.containsKey(domain);
    }

    /** The domains with rules, sorted. */
    public List<String> domains() {
        return domains.keySet().stream().sorted().toList();
    }

    /** The permission class of an authenticated user, or {@code null}. */
    public String permissionClassOf(AddressOfRecord user) {
        return user == null ? null : classes.get(user);
    }

    /** The rules of a domain in evaluation order (empty without). */
    public List<Rule> rules(String domain) {
        DomainPlan plan = domains.get(domain);
        return plan == null ? List.of() : plan.rules();
    }

    public PlanOptions options() {
        return options;
    }

    /** The store's revision this plan was compiled from. */
    public long revision() {
        return revision;
    }

    /**
     * Decides a call. Called on the proxy's event loops: reads memory only.
     *
     * @param ourDomains whether a host is one of our domains (for {@code ~} and patterns without a host)
     */
    public Outcome evaluate(Call call, Predicate<String> ourDomains) {
        DomainPlan plan = domains.get(call.domain());
        if (plan == null) {
            return Outcome.byDefault(List.of(), call.number());
        }
        return plan.evaluate(call, options, ourDomains);
    }
}
