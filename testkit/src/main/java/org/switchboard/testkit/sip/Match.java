package org.switchboard.testkit.sip;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A described predicate over messages, for a phone to wait for: {@code Match.request("INVITE")},
 * {@code Match.status(486)}, {@code Match.finalResponse().and(Match.header("Reason", "SIP;cause=.*"))}.
 * The description names what was expected when nothing matching arrives. Immutable.
 */
public final class Match implements Predicate<SipMessage> {
    private final String description;
    private final Predicate<SipMessage> test;

    private Match(String description, Predicate<SipMessage> test) {
        this.description = description;
        this.test = test;
    }

    /** A match of one's own. */
    public static Match of(String description, Predicate<SipMessage> test) {
        return new Match(Objects.requireNonNull(description), Objects.requireNonNull(test));
    }

    /** Any message. */
    public static Match any() {
        return new Match("any message", m -> true);
    }

    /** A request with this method (case-sensitive, RFC 3261 §7.1). */
    public static Match request(String method) {
        return new Match("a " + method + " request", m -> m.isRequest() && m.method().equals(method));
    }

    /** A response with this status. */
    public static Match status(int status) {
        return new Match("a " + status + " response", m -> !m.isRequest() && m.status() == status);
    }

    /** A final response (200 to 699). */
    public static Match finalResponse() {
        return new Match("a final response", m -> !m.isRequest() && m.isFinal());
    }

    /** A provisional response (100 to 199). */
    public static Match provisional() {
        return new Match("a provisional response", m -> !m.isRequest() && !m.isFinal());
    }

    /** A message whose first value of the header matches the regular expression as a whole. */
    public static Match header(String name, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        return new Match(name + " matching " + regex,
                m -> m.header(name).map(v -> pattern.matcher(v).matches()).orElse(false));
    }

    /** A message without this header. */
    public static Match noHeader(String name) {
        return new Match("no " + name + " header", m -> m.header(name).isEmpty());
    }

    /** A message of this Call-ID. */
    public static Match callId(String callId) {
        return new Match("Call-ID " + callId, m -> m.header("Call-ID").map(callId::equals).orElse(false));
    }

    /** A message with this CSeq number and method. */
    public static Match cseq(long number, String method) {
        return new Match("CSeq " + number + " " + method, m -> m.header("CSeq").isPresent() && m.cseq() == number
                && m.cseqMethod().equals(method));
    }

    /** Both this and the other. */
    public Match and(Match other) {
        return new Match(description + " with " + other.description, test.and(other.test));
    }

    /** This or the other. */
    public Match or(Match other) {
        return new Match(description + " or " + other.description, test.or(other.test));
    }

    @Override
    public Match negate() {
        return new Match("not " + description, test.negate());
    }

    @Override
    public boolean test(SipMessage message) {
        return test.test(message);
    }

    /** What this match expects, for failure messages. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
