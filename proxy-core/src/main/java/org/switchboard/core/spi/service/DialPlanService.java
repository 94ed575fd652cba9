package org.switchboard.core.spi.service;

import java.util.List;
import org.switchboard.core.spi.store.DialRule;

/**
 * The dial plan as an admin inspects it: what the plan in the store does with a call, and whether a
 * rule would compile, both exactly as the server decides. Implemented by the dial plan module over
 * the dial plan's store; wired in by the server. {@code switchboard dialplan test} and the web
 * admin's tester both answer through it, so they always agree with the router.
 *
 * <p><b>Every method blocks</b> (it reads the dial plan's store): call it from a blocking executor
 * or the command line, never on an event loop. Thread-safe.
 */
public interface DialPlanService {

    /**
     * What the plan does with a call, taking the caller as authenticated.
     *
     * @param from the caller, {@code USER@DOMAIN}
     * @param to the number dialled, or {@code NUMBER@DOMAIN} (default: the caller's domain)
     * @param at when, {@code 2026-12-24T18:00} (the server's zone) or with an offset; {@code null} or
     *     blank for now
     * @throws IllegalArgumentException naming what is wrong with {@code from} or {@code at}
     */
    DialTest test(String from, String to, String at);

    /**
     * Checks a rule as the server would compile it, against the schedules in the store.
     *
     * @throws IllegalArgumentException naming the field, the text and the position of the error
     */
    void check(DialRule rule);

    /**
     * What the plan did with one test call, step by step.
     *
     * @param heading who dials what and when, e.g. {@code 201@example.com (class none) dials 0049…@example.com at …}
     * @param steps how the plan got there: rewrites, the matched rule, the number, the targets in order
     * @param decision the outcome in one line, e.g. {@code reject 403 Forbidden (rule 20 intl-deny)}
     * @param rule the name of the rule that decided, or {@code null} when none did
     */
    record DialTest(String heading, List<String> steps, String decision, String rule) {
        public DialTest {
            steps = List.copyOf(steps);
        }
    }
}
