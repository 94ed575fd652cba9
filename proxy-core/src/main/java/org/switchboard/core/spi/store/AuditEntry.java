package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who changed what, when, from where, and the object before and after
 * (secrets already masked by whoever wrote the entry). Immutable.
 *
 * @param at when
 * @param actor the administrator's name, or a description such as {@code first-run setup}
 * @param source the address the change came from
 * @param action what was done, e.g. {@code user.add}, {@code login.failed}
 * @param domain the domain the object belongs to, or {@code null} for system-wide objects
 * @param object which object, e.g. {@code 201@example.com}
 * @param before the object before, as text, or {@code null} if it did not exist
 * @param after the object after, as text, or {@code null} if it no longer exists
 */
public record AuditEntry(Instant at, String actor, String source, String action, String domain, String object,
        String before, String after) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(object, "object");
    }
}
