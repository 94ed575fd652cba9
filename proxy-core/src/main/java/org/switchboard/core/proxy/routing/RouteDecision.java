package org.switchboard.core.proxy.routing;

import java.util.List;
import java.util.Objects;

/** What a {@link Router} decided about a request. Immutable. */
public sealed interface RouteDecision {

    /** Forward the request to these targets; forked by q-value (RFC 3261 §16.6). Never empty. */
    record Forward(List<Target> targets) implements RouteDecision {
        public Forward {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("A forward decision needs at least one target");
            }
        }
    }

    /** Answer the request with this final response instead of forwarding it. */
    record Reject(int statusCode, String reasonPhrase) implements RouteDecision {
        public Reject {
            if (statusCode < 300 || statusCode > 699) {
                throw new IllegalArgumentException("A rejection needs a status of 300-699: " + statusCode);
            }
            Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        }
    }

    static RouteDecision forward(List<Target> targets) {
        return new Forward(targets);
    }

    static RouteDecision reject(int statusCode, String reasonPhrase) {
        return new Reject(statusCode, reasonPhrase);
    }
}
