package org.switchboard.dialplan.plan;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plan's options.
 *
 * @param emergencyNumbers numbers no rejecting rule stops, whatever the caller's class; with no
 *     forwarding rule for them they are routed as without a plan
 * @param unmatchedStatus the status for a call no rule matches (404 by default), or 0 to route it
 *     as without a plan (to the registered user)
 */
public record PlanOptions(Set<String> emergencyNumbers, int unmatchedStatus) {
    /** The option naming the emergency numbers, comma-separated. */
    public static final String EMERGENCY = "emergency";
    /** The option saying what an unmatched call gets: a status code, or {@code local}. */
    public static final String UNMATCHED = "unmatched";
    public static final PlanOptions DEFAULTS = new PlanOptions(Set.of("112", "911", "110"), 404);

    public PlanOptions {
        emergencyNumbers = Set.copyOf(emergencyNumbers);
        if (unmatchedStatus != 0 && (unmatchedStatus < 400 || unmatchedStatus > 699)) {
            throw new IllegalArgumentException("unmatched is a status of 400-699 or local, not " + unmatchedStatus);
        }
    }

    /**
     * The options from their stored texts; options not given keep their defaults.
     *
     * @throws IllegalArgumentException naming the option and what it takes
     */
    public static PlanOptions of(Map<String, String> stored) {
        Set<String> emergency = DEFAULTS.emergencyNumbers();
        int unmatched = DEFAULTS.unmatchedStatus();
        for (Map.Entry<String, String> e : stored.entrySet()) {
            String value = e.getValue().trim();
            switch (e.getKey()) {
                case EMERGENCY:
                    emergency = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                            .collect(Collectors.toUnmodifiableSet());
                    break;
                case UNMATCHED:
                    if (value.equals("local")) {
                        unmatched = 0;
                    } else {
                        try {
                            unmatched = Integer.parseInt(value);
                        } catch (NumberFormatException ex) {
                            throw new IllegalArgumentException("unmatched is a status such as 404, or local, not '"
                                    + value + "'");
                        }
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown dial plan option '" + e.getKey() + "'; known: "
                            + EMERGENCY + ", " + UNMATCHED);
            }
        }
        return new PlanOptions(emergency, unmatched);
    }
}
