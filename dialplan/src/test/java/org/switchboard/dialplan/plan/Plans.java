package org.switchboard.dialplan.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.dialplan.rule.Caller;

/** Builds plans for tests from rule texts, as the store would hold them. */
final class Plans {
    static final String DOMAIN = "example.com";
    static final Predicate<String> OURS = Set.of(DOMAIN, "branch.example.com")::contains;
    static final Instant MONDAY_NOON = Instant.parse("2026-12-07T12:00:00Z");

    private final List<DialRule> rules = new ArrayList<>();
    private final List<DialSchedule> schedules = new ArrayList<>();
    private final Map<AddressOfRecord, String> classes = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();

    Plans rule(int priority, String name, String caller, String callee, String action) {
        return rule(priority, name, caller, callee, null, action, null);
    }

    Plans rule(int priority, String name, String caller, String callee, String schedule, String action,
            String rewrite) {
        rules.add(new DialRule(DOMAIN, priority, name, caller, callee, schedule, action, rewrite));
        return this;
    }

    Plans schedule(String name, String spec) {
        schedules.add(new DialSchedule(name, spec));
        return this;
    }

    Plans permission(String user, String permissionClass) {
        classes.put(AddressOfRecord.parse("sip:" + user + "@" + DOMAIN), permissionClass);
        return this;
    }

    Plans option(String name, String value) {
        options.put(name, value);
        return this;
    }

    DialPlan compile() {
        return PlanCompiler.compile(rules, schedules, classes, options, 1);
    }

    /** An authenticated user of the domain dials {@code number} at {@code at}. */
    static Outcome dial(DialPlan plan, String user, String number, Instant at) {
        AddressOfRecord caller = AddressOfRecord.parse("sip:" + user + "@" + DOMAIN);
        return plan.evaluate(new Call(DOMAIN, number, DOMAIN, new Caller(caller, user,
                plan.permissionClassOf(caller)), at), OURS);
    }

    static Outcome dial(DialPlan plan, String user, String number) {
        return dial(plan, user, number, MONDAY_NOON);
    }
}
