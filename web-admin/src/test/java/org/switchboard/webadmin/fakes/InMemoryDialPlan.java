package org.switchboard.webadmin.fakes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;

/**
 * A dial plan for page and API tests: rules in a list, and a tester that matches the number
 * dialled exactly against each rule's callee, in order, and refuses a time not starting with a
 * digit (the real matching and parsing are the dial plan module's, tested there). A callee starting with {@code !} without three {@code !} is refused as
 * the real check refuses a malformed regex. Thread-safe.
 */
public final class InMemoryDialPlan implements DialPlanService, DialPlanStore {
    private final List<DialRule> rules = new CopyOnWriteArrayList<>();
    private long revision;

    @Override
    public DialTest test(String from, String to, String at) {
        if (!from.contains("@")) {
            throw new IllegalArgumentException("'" + from + "' is not USER@DOMAIN");
        }
        if (at != null && !at.isBlank() && !Character.isDigit(at.charAt(0))) {
            throw new IllegalArgumentException("'" + at + "' is not a time like 2026-12-24T18:00");
        }
        String domain = from.substring(from.indexOf('@') + 1);
        String number = to.contains("@") ? to.substring(0, to.indexOf('@')) : to;
        return rules().stream().filter(r -> r.domain().equals(domain) && r.callee().equals(number)).findFirst()
                .map(r -> new DialTest(from + " dials " + number, List.of("matched rule " + r.name()),
                        r.action() + " (rule " + r.priority() + " " + r.name() + ")", r.name()))
                .orElse(new DialTest(from + " dials " + number, List.of(), "reject 404 Not Found (no rule)", null));
    }

    @Override
    public void check(DialRule rule) {
        if (rule.callee().startsWith("!") && rule.callee().chars().filter(c -> c == '!').count() < 3) {
            throw new IllegalArgumentException("callee at position " + rule.callee().length()
                    + ": a regex rule is !pattern!replacement!flags");
        }
    }

    @Override
    public List<DialRule> rules() {
        return rules.stream().sorted(Comparator.comparing(DialRule::domain).thenComparingInt(DialRule::priority)
                .thenComparing(DialRule::name)).toList();
    }

    @Override
    public synchronized void saveRule(DialRule rule) {
        rules.removeIf(r -> r.domain().equals(rule.domain()) && r.name().equals(rule.name()));
        rules.add(rule);
        revision++;
    }

    @Override
    public synchronized boolean removeRule(String domain, String name) {
        revision++;
        return rules.removeIf(r -> r.domain().equals(domain) && r.name().equals(name));
    }

    @Override
    public List<DialSchedule> schedules() {
        return List.of();
    }

    @Override
    public void saveSchedule(DialSchedule schedule) {
        throw new UnsupportedOperationException("schedules are not used by the web admin tests");
    }

    @Override
    public boolean removeSchedule(String name) {
        throw new UnsupportedOperationException("schedules are not used by the web admin tests");
    }

    @Override
    public Map<AddressOfRecord, String> permissionClasses() {
        return Map.of();
    }

    @Override
    public void setPermissionClass(AddressOfRecord user, String permissionClass) {
        throw new UnsupportedOperationException("classes are not used by the web admin tests");
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    @Override
    public void setOption(String name, String value) {
        throw new UnsupportedOperationException("options are not used by the web admin tests");
    }

    @Override
    public synchronized long revision() {
        return revision;
    }
}
