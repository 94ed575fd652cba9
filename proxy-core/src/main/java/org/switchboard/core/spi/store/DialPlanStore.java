package org.switchboard.core.spi.store;

import java.util.List;
import java.util.Map;
import org.switchboard.core.location.AddressOfRecord;

/**
 * The dial plan's data: rules, schedules, the users' permission classes and the plan's options
 * (emergency numbers, what an unmatched call gets). Every change increases the {@link #revision},
 * which running servers poll to recompile. <b>Every method blocks</b> (database I/O). Thread-safe.
 */
public interface DialPlanStore {

    /** Every rule of every domain, by domain, priority and name. */
    List<DialRule> rules();

    /** Adds a rule, or replaces the domain's rule of the same name. */
    void saveRule(DialRule rule);

    /** @return whether the domain had a rule of that name */
    boolean removeRule(String domain, String name);

    /** Every schedule, by name. */
    List<DialSchedule> schedules();

    /** Adds a schedule, or replaces the one of the same name. */
    void saveSchedule(DialSchedule schedule);

    /** @return whether there was a schedule of that name */
    boolean removeSchedule(String name);

    /** The users' permission classes; a user not in the map has none. */
    Map<AddressOfRecord, String> permissionClasses();

    /** Sets a user's permission class, or removes it when {@code permissionClass} is {@code null}. */
    void setPermissionClass(AddressOfRecord user, String permissionClass);

    /** The plan's options by name; an option not in the map has its default. */
    Map<String, String> options();

    /** Sets an option, or removes it (back to its default) when {@code value} is {@code null}. */
    void setOption(String name, String value);

    /** A number that changes with every change above, to tell whether a compiled plan is stale. */
    long revision();
}
