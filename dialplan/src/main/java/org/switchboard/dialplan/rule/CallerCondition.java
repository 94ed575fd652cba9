package org.switchboard.dialplan.rule;

import java.util.function.Predicate;
import org.switchboard.dialplan.pattern.Fit;
import org.switchboard.dialplan.pattern.NumberPattern;

/** Which callers a rule applies to. Immutable. */
public sealed interface CallerCondition {

    /** Whether the rule applies to {@code caller}. */
    boolean applies(Caller caller, Predicate<String> ourDomains);

    /** Anyone: {@code *}. */
    record Anyone() implements CallerCondition {
        @Override
        public boolean applies(Caller caller, Predicate<String> ourDomains) {
            return true;
        }

        @Override
        public String toString() {
            return "*";
        }
    }

    /** One authenticated user of the rule's domain: {@code user:201}. */
    record User(String domain, String name) implements CallerCondition {
        @Override
        public boolean applies(Caller caller, Predicate<String> ourDomains) {
            return caller.authenticated() != null && caller.authenticated().user().equals(name)
                    && caller.authenticated().host().equalsIgnoreCase(domain);
        }

        @Override
        public String toString() {
            return "user:" + name;
        }
    }

    /** A pattern on the caller's number, authenticated or as presented: {@code number:0301234x}. */
    record Number(NumberPattern pattern) implements CallerCondition {
        @Override
        public boolean applies(Caller caller, Predicate<String> ourDomains) {
            // the caller's number is matched as a number, whatever domain it came from
            return pattern.fit(caller.number(), "", host -> true) == Fit.MATCH;
        }

        @Override
        public String toString() {
            return "number:" + pattern.source();
        }
    }

    /** Authenticated users of one permission class: {@code class:internal}. */
    record OfClass(PermissionClass permissionClass) implements CallerCondition {
        @Override
        public boolean applies(Caller caller, Predicate<String> ourDomains) {
            return caller.permissionClass() != null && permissionClass.label().equals(caller.permissionClass());
        }

        @Override
        public String toString() {
            return "class:" + permissionClass.label();
        }
    }

    /** Calls that came in from a trunk (its DIDs): {@code trunk:NAME}, or {@code trunk:} for any trunk. */
    record FromTrunk(String name) implements CallerCondition {
        @Override
        public boolean applies(Caller caller, Predicate<String> ourDomains) {
            return caller.trunk() != null && (name.isEmpty() || name.equals(caller.trunk()));
        }

        @Override
        public String toString() {
            return "trunk:" + name;
        }
    }
}
