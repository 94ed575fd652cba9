package org.switchboard.dialplan.plan;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.dialplan.rule.Caller;

/**
 * A call as the plan sees it.
 *
 * @param domain whose plan applies, lower case
 * @param number the dialled user part
 * @param host the Request-URI's host, lower case
 * @param at when, for schedules
 */
public record Call(String domain, String number, String host, Caller caller, Instant at) {

    public Call {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(at, "at");
    }
}
