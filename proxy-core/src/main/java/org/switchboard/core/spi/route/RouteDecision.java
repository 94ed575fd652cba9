package org.switchboard.core.spi.route;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** What a {@link Router} decided about a request. Immutable. */
public sealed interface RouteDecision {

    /**
     * Forward the request: the groups are tried in order, each for its ring time or until all its
     * branches failed; then the fallback groups likewise (say voicemail); the best response goes to
     * the caller when all have failed (RFC 3261 §16.7). Within a group targets fork by q-value (RFC
     * 3261 §16.6). Never empty.
     *
     * @param groups tried in order, at least one
     * @param fallback tried after every group failed; may be empty
     */
    record Forward(List<TargetGroup> groups, List<TargetGroup> fallback) implements RouteDecision {
        public Forward {
            groups = List.copyOf(groups);
            fallback = List.copyOf(fallback);
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("A forward decision needs at least one target group");
            }
        }

        /** Every target of the groups and the fallback, in order. */
        public List<Target> allTargets() {
            return Stream.concat(groups.stream(), fallback.stream())
                    .flatMap(g -> g.targets().stream()).toList();
        }
    }

    /**
     * Targets rung together (forked by q-value, RFC 3261 §16.6) for at most {@code ringTime}, or
     * the proxy's ring timeout when {@code null}.
     */
    record TargetGroup(List<Target> targets, Duration ringTime) {
        public TargetGroup {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("A target group needs at least one target");
            }
            if (ringTime != null && (ringTime.isNegative() || ringTime.isZero())) {
                throw new IllegalArgumentException("A ring time must be positive: " + ringTime);
            }
        }
    }

    /**
     * Answer 302 Moved Temporarily with these Contact values (RFC 3261 §21.3.3): the caller retries
     * there itself.
     *
     * @param contacts Contact values in name-addr form, at least one
     */
    record Redirect(List<String> contacts) implements RouteDecision {
        public Redirect {
            contacts = List.copyOf(contacts);
            if (contacts.isEmpty()) {
                throw new IllegalArgumentException("A redirect needs at least one contact");
            }
        }
    }

    /**
     * Answer the request with this final response instead of forwarding it.
     *
     * @param errorInfo a URI explaining the rejection, sent as Error-Info (RFC 3261 §20.18), or
     *     {@code null}
     */
    record Reject(int statusCode, String reasonPhrase, String errorInfo) implements RouteDecision {
        public Reject {
            if (statusCode < 300 || statusCode > 699) {
                throw new IllegalArgumentException("A rejection needs a status of 300-699: " + statusCode);
            }
            Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        }

        /** A rejection without Error-Info. */
        public Reject(int statusCode, String reasonPhrase) {
            this(statusCode, reasonPhrase, null);
        }
    }

    /** Forward to {@code targets} as one group with the proxy's ring timeout, no fallback. */
    static RouteDecision forward(List<Target> targets) {
        return new Forward(List.of(new TargetGroup(targets, null)), List.of());
    }

    static RouteDecision redirect(List<String> contacts) {
        return new Redirect(contacts);
    }

    static RouteDecision reject(int statusCode, String reasonPhrase) {
        return new Reject(statusCode, reasonPhrase);
    }
}
