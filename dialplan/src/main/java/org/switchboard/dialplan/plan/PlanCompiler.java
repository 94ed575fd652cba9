package org.switchboard.dialplan.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.dialplan.pattern.RuleSyntaxException;
import org.switchboard.dialplan.rule.Rule;
import org.switchboard.dialplan.rule.RuleParser;
import org.switchboard.dialplan.rule.Schedule;

/**
 * Compiles the stored rules, schedules, classes and options into a {@link DialPlan}: parses each
 * rule, orders each domain's rules by priority then name, and builds their prefix index. Rules are
 * validated when saved; one that still fails here (a schedule removed under it) is left out and
 * logged, so one bad row never stops routing. Stateless.
 */
public final class PlanCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(PlanCompiler.class);
    private static final Comparator<Rule> ORDER = Comparator.comparingInt(Rule::priority).thenComparing(Rule::name);

    private PlanCompiler() {
    }

    /** The schedules by name; a bad one is left out and logged. */
    public static Map<String, Schedule> schedules(List<DialSchedule> stored) {
        Map<String, Schedule> schedules = new HashMap<>();
        for (DialSchedule s : stored) {
            try {
                schedules.put(s.name(), RuleParser.schedule(s));
            } catch (RuleSyntaxException e) {
                LOG.warn("Dial plan: schedule {} left out: {}", s.name(), e.getMessage());
            }
        }
        return schedules;
    }

    /**
     * @throws IllegalArgumentException if the options are not valid
     */
    public static DialPlan compile(List<DialRule> stored, List<DialSchedule> storedSchedules,
            Map<AddressOfRecord, String> classes, Map<String, String> options, long revision) {
        Map<String, Schedule> schedules = schedules(storedSchedules);
        Map<String, List<Rule>> byDomain = new HashMap<>();
        for (DialRule r : stored) {
            try {
                Rule rule = RuleParser.rule(r, schedules);
                byDomain.computeIfAbsent(rule.domain(), d -> new ArrayList<>()).add(rule);
            } catch (RuleSyntaxException e) {
                LOG.warn("Dial plan: rule {} of {} left out: {}", r.name(), r.domain(), e.getMessage());
            }
        }
        Map<String, DomainPlan> domains = new HashMap<>();
        byDomain.forEach((domain, rules) -> {
            rules.sort(ORDER);
            domains.put(domain, new DomainPlan(rules));
        });
        return new DialPlan(domains, classes, PlanOptions.of(options), revision);
    }
}
