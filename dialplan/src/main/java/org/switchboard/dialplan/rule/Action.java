package org.switchboard.dialplan.rule;

import java.util.List;
import java.util.Objects;

/** What a matching rule does. Immutable. */
public sealed interface Action {

    /**
     * Ring these targets together (RFC 3261 §16.6 forking); each user is reached at its registered
     * contacts, each URI by RFC 3263. The model takes further target kinds (groups, trunks) later.
     */
    record Forward(List<ForwardTarget> targets) implements Action {
        public Forward {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("forward needs at least one target");
            }
        }

        @Override
        public String toString() {
            return "forward " + String.join(", ", targets.stream().map(Object::toString).toList());
        }
    }

    /** Answer 302 Moved Temporarily with these Contact URIs (RFC 3261 §21.3.3); templates as {@link ForwardTarget}. */
    record Redirect(List<String> uris) implements Action {
        public Redirect {
            uris = List.copyOf(uris);
            if (uris.isEmpty()) {
                throw new IllegalArgumentException("redirect needs at least one URI");
            }
        }

        @Override
        public String toString() {
            return "redirect " + String.join(", ", uris);
        }
    }

    /**
     * Answer with this final status; {@code errorInfo} (or {@code null}) is a URL explaining why,
     * for the Error-Info header (RFC 3261 §20.18).
     */
    record Reject(int status, String reason, String errorInfo) implements Action {
        public Reject {
            if (status < 300 || status > 699) {
                throw new IllegalArgumentException("reject needs a status of 300-699, not " + status);
            }
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "reject " + status + " " + reason + (errorInfo == null ? "" : "; info=" + errorInfo);
        }
    }

    /** Only rewrite the number; the following rules see the rewritten number. */
    record Continue() implements Action {
        @Override
        public String toString() {
            return "continue";
        }
    }
}
