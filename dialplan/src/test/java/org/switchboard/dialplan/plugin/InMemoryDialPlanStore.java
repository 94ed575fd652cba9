package org.switchboard.dialplan.plugin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;

/** A {@link DialPlanStore} in memory for tests, with the revision the JDBC store keeps. */
final class InMemoryDialPlanStore implements DialPlanStore {
    private final List<DialRule> rules = new ArrayList<>();
    private final List<DialSchedule> schedules = new ArrayList<>();
    private final Map<AddressOfRecord, String> classes = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();
    private long revision;

    @Override
    public synchronized List<DialRule> rules() {
        return List.copyOf(rules);
    }

    @Override
    public synchronized void saveRule(DialRule rule) {
        removeRule(rule.domain(), rule.name());
        rules.add(rule);
        revision++;
    }

    @Override
    public synchronized boolean removeRule(String domain, String name) {
        boolean removed = rules.removeIf(r -> r.domain().equals(domain) && r.name().equals(name));
        revision += removed ? 1 : 0;
        return removed;
    }

    @Override
    public synchronized List<DialSchedule> schedules() {
        return List.copyOf(schedules);
    }

    @Override
    public synchronized void saveSchedule(DialSchedule schedule) {
        removeSchedule(schedule.name());
        schedules.add(schedule);
        revision++;
    }

    @Override
    public synchronized boolean removeSchedule(String name) {
        boolean removed = schedules.removeIf(s -> s.name().equals(name));
        revision += removed ? 1 : 0;
        return removed;
    }

    @Override
    public synchronized Map<AddressOfRecord, String> permissionClasses() {
        return Map.copyOf(classes);
    }

    @Override
    public synchronized void setPermissionClass(AddressOfRecord user, String permissionClass) {
        if (permissionClass == null) {
            classes.remove(user);
        } else {
            classes.put(user, permissionClass);
        }
        revision++;
    }

    @Override
    public synchronized Map<String, String> options() {
        return Map.copyOf(options);
    }

    @Override
    public synchronized void setOption(String name, String value) {
        if (value == null) {
            options.remove(name);
        } else {
            options.put(name, value);
        }
        revision++;
    }

    @Override
    public synchronized long revision() {
        return revision;
    }
}
