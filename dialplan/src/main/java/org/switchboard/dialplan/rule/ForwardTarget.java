package org.switchboard.dialplan.rule;

/**
 * Where a forward goes, as a template: {@code {user}} is the (rewritten) number, {@code {caller}}
 * the caller's number, {@code {domain}} the plan's domain. Immutable.
 */
public sealed interface ForwardTarget {

    /** The URI this target stands for in one call. */
    String resolve(String number, String callerNumber, String domain);

    /** A user of the plan's domain, reached at its registered contacts: {@code 201} or {@code {user}}. */
    record LocalUser(String template) implements ForwardTarget {
        @Override
        public String resolve(String number, String callerNumber, String domain) {
            return "sip:" + expand(template, number, callerNumber, domain) + "@" + domain;
        }

        @Override
        public String toString() {
            return template;
        }
    }

    /** A SIP URI, e.g. {@code sip:{user}@media.example.com} (the 4S's mailbox server). */
    record Uri(String template) implements ForwardTarget {
        @Override
        public String resolve(String number, String callerNumber, String domain) {
            return expand(template, number, callerNumber, domain);
        }

        @Override
        public String toString() {
            return template;
        }
    }

    /**
     * A trunk, reached with the number as its Request-URI user: {@code trunk:NAME}. Several trunks in
     * one forward are tried in order, the next on a 5xx, 408 or transport failure of the one before.
     * Resolves to {@code trunk:NAME/NUMBER}, which the router turns into the trunk's target.
     */
    record Trunk(String name) implements ForwardTarget {
        /** The prefix of a resolved trunk target. */
        public static final String PREFIX = "trunk:";

        @Override
        public String resolve(String number, String callerNumber, String domain) {
            return PREFIX + name + "/" + number;
        }

        @Override
        public String toString() {
            return PREFIX + name;
        }
    }

    /** Replaces {@code {user}}, {@code {caller}} and {@code {domain}} in {@code template}. */
    static String expand(String template, String number, String callerNumber, String domain) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        return template.replace("{user}", number).replace("{caller}", callerNumber).replace("{domain}", domain);
    }
}
