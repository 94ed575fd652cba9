package org.switchboard.dialplan.plugin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.dialplan.plan.Call;
import org.switchboard.dialplan.plan.DialPlan;
import org.switchboard.dialplan.plan.Outcome;
import org.switchboard.dialplan.plan.PlanCompiler;
import org.switchboard.dialplan.rule.Caller;
import org.switchboard.dialplan.rule.Rule;
import org.switchboard.dialplan.rule.RuleParser;

/**
 * The {@link DialPlanService} over the dial plan's store: compiles the stored plan as the router
 * does and evaluates one call with it, or checks one rule. Blocking (database); thread-safe.
 */
public final class PlanInspector implements DialPlanService {
    private final PlanLoader loader;
    private final DialPlanStore store;
    private final Supplier<? extends Collection<String>> ourDomains;
    private final Clock clock;

    /**
     * @param ourDomains the server's domains now (blocking allowed): a number dialled at one of them
     *     is routed by that domain's plan, else by the caller's
     * @param clock gives "now" and the zone a time without offset is read in
     */
    public PlanInspector(DialPlanStore store, Supplier<? extends Collection<String>> ourDomains, Clock clock) {
        this.loader = new PlanLoader(store);
        this.store = store;
        this.ourDomains = ourDomains;
        this.clock = clock;
    }

    @Override
    public DialTest test(String from, String to, String at) {
        AddressOfRecord caller;
        try {
            caller = AddressOfRecord.parse("sip:" + from.strip());
        } catch (SipParseException e) {
            throw new IllegalArgumentException("'" + from + "' is not a caller like 201@example.com: " + e.getMessage(),
                    e);
        }
        // "now" to the second: the heading names the time, and the plan's schedules go by minutes
        Instant when = at == null || at.isBlank() ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : instant(at.strip());
        String dialled = to.strip();
        int atSign = dialled.indexOf('@');
        String number = atSign < 0 ? dialled : dialled.substring(0, atSign);
        String host = atSign < 0 ? caller.host() : dialled.substring(atSign + 1).toLowerCase(Locale.ROOT);
        Set<String> ours = Set.copyOf(ourDomains.get());
        DialPlan plan = loader.load();
        String domain = ours.contains(host) ? host : caller.host();
        String permissionClass = plan.permissionClassOf(caller);
        Outcome outcome = plan.evaluate(new Call(domain, number, host,
                new Caller(caller, caller.user(), permissionClass), when), ours::contains);
        String heading = caller.user() + "@" + caller.host() + " (class " + (permissionClass == null ? "none"
                : permissionClass) + ") dials " + number + "@" + host + " at " + when;
        List<String> steps = new ArrayList<>();
        if (!plan.hasRules(domain)) {
            steps.add(domain + " has no rules: the call goes to the registered user " + number);
        }
        for (Rule r : outcome.rewrites()) {
            steps.add("rewritten by rule " + r.priority() + " " + r.name() + ": " + r.callee().source() + " -> "
                    + r.callee().rewrite(number));
        }
        if (outcome.rule() != null) {
            steps.add("matched rule " + outcome.rule());
            if (!outcome.number().equals(number)) {
                steps.add("number: " + outcome.number());
            }
        }
        for (int i = 0; i < outcome.targets().size(); i++) {
            steps.add("target " + (i + 1) + ": " + outcome.targets().get(i));
        }
        return new DialTest(heading, steps, outcome.describe(), outcome.rule() == null ? null : outcome.rule().name());
    }

    @Override
    public void check(DialRule rule) {
        RuleParser.rule(rule, PlanCompiler.schedules(store.schedules()));
    }

    private Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("'" + text + "' is not a time like 2026-12-24T18:00 or "
                        + "2026-12-24T18:00+01:00", again);
            }
        }
    }
}
