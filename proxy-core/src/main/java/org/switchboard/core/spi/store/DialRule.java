package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * One stored dial-plan rule, as the admin wrote it: the dial plan module parses, validates and
 * compiles these texts (its documentation, docs/dialplan.md, has the syntax). Immutable.
 *
 * @param domain the SIP domain whose plan holds the rule, lower case
 * @param priority lower first; rules of equal priority go by name
 * @param name unique within the domain
 * @param caller the caller condition: {@code *}, {@code user:NAME}, {@code number:PATTERN}, {@code class:CLASS}
 * @param callee the callee pattern (simple or {@code !pattern!replacement!flags})
 * @param schedule a schedule name, {@code !name} for outside it, or {@code null} for any time
 * @param action {@code forward ...}, {@code redirect ...}, {@code reject CODE REASON}, {@code continue}
 * @param rewrite the rewrite template of a simple callee pattern, or {@code null}
 */
public record DialRule(String domain, int priority, String name, String caller, String callee, String schedule,
        String action, String rewrite) {

    public DialRule {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(action, "action");
    }
}
