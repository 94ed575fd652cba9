package org.switchboard.testkit.phone;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.switchboard.testkit.sip.DigestAnswer;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * One request a phone sent and the responses the script takes for it, matched by the top Via
 * branch and CSeq method (RFC 3261 §17.1.3). Over UDP the request is re-sent on Timer A / E
 * (T1 doubling up to T2, RFC 3261 §17.1.1.2 and §17.1.2.2) while the script waits and no response
 * (for INVITE) or no final response (otherwise) has come, unless the phone was built without
 * retransmissions. A non-2xx final response to an INVITE is acknowledged at once (§17.1.1.3). Used
 * from the test's thread.
 */
public final class ClientTransaction {
    private static final long T1 = 500;
    private static final long T2 = 4000;

    private final Phone phone;
    private final SipMessage request;
    private final InetSocketAddress destination;
    private final Match ofThis;
    private SipMessage response;
    private boolean provisionalSeen;
    private boolean finalSeen;
    private SipMessage challenge;

    ClientTransaction(Phone phone, SipMessage request, InetSocketAddress destination) {
        this.phone = phone;
        this.request = request;
        this.destination = destination;
        String branch = request.topBranch();
        String method = request.method();
        this.ofThis = Match.of("a response to " + method + " (branch " + branch + ")", m -> !m.isRequest()
                && m.headerValues("Via").size() > 0 && SipMessage.param(m.headerValues("Via").get(0), "branch")
                        .map(branch::equals).orElse(false) && m.cseqMethod().equals(method));
        phone.socket().send(request.encode(), destination);
    }

    /** The request as sent. */
    public SipMessage request() {
        return request;
    }

    /** The last response the script took, or {@code null}. */
    public SipMessage response() {
        return response;
    }

    /** Sends the request's exact bytes again, as a retransmission. */
    public ClientTransaction retransmit() {
        phone.socket().send(request.encode(), destination);
        return this;
    }

    /**
     * Waits for a response with this status, skipping provisional responses of another status.
     *
     * @throws AssertionError if a final response of another status comes, or nothing in time
     */
    public ClientTransaction expect(int status) {
        return expect(status, phone.timeout());
    }

    /** As {@link #expect(int)}, waiting this long at most instead of the phone's timeout. */
    public ClientTransaction expect(int status, Duration wait) {
        SipMessage r = next(Match.status(status).or(Match.finalResponse()), wait);
        if (r.status() != status) {
            throw new AssertionError("expected a " + status + " to " + request.method() + " but got "
                    + r.startLine() + "\n" + r);
        }
        return this;
    }

    /** Waits for the final response, skipping provisional ones; returns it. */
    public SipMessage expectFinal() {
        return next(Match.finalResponse());
    }

    /**
     * Waits for the final response, skipping provisional ones, for scripts where silence is a
     * possible outcome (a banned source); empty if none comes within the phone's timeout. A 401 or
     * 407 may then be answered with {@link #answer()}.
     */
    public Optional<SipMessage> awaitFinal() {
        Received r = await(ofThis.and(Match.finalResponse()), phone.timeout());
        if (r == null) {
            return Optional.empty();
        }
        take(r.message());
        return Optional.of(response);
    }

    /** Waits for a response matching, skipping others of this transaction; returns it. */
    public SipMessage expect(Match match) {
        return next(match);
    }

    /** Asserts no response to this request arrives within the duration (retransmitting meanwhile). */
    public ClientTransaction expectNothing(Duration duration) {
        Received r = await(ofThis, duration);
        if (r != null) {
            throw new AssertionError("expected no response to " + request.method() + " for " + duration
                    + " but got\n" + r.text());
        }
        return this;
    }

    /**
     * Waits for a 401 or 407 challenge (RFC 3261 §22.2, §22.3), to be answered by {@link #answer()}.
     *
     * @throws AssertionError if another final response comes, or nothing in time
     */
    public ClientTransaction expectChallenge() {
        SipMessage r = next(Match.finalResponse());
        if (r.status() != 401 && r.status() != 407) {
            throw new AssertionError("expected a 401 or 407 challenge to " + request.method() + " but got "
                    + r.startLine() + "\n" + r);
        }
        return this;
    }

    /** Answers the challenge with the phone's password; see {@link #answer(String)}. */
    public ClientTransaction answer() {
        return answer(phone.password());
    }

    /**
     * Sends the request again with credentials answering the last challenge (RFC 3261 §22.2): the
     * next CSeq, a new branch, the same Call-ID and From tag.
     */
    public ClientTransaction answer(String password) {
        if (challenge == null) {
            throw new IllegalStateException("no challenge taken: call expectChallenge() or awaitFinal() first");
        }
        boolean proxy = challenge.status() == 407;
        String header = challenge.requireHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate");
        // The user of the From URI: the phone's own, or the account a script registers with.
        String user = SipMessage.uriOf(request.requireHeader("From")).replaceFirst("^sips?:", "")
                .replaceFirst("@.*", "");
        String credentials = DigestAnswer.authorization(header, request.method(), request.requestUri(), user, password,
                "c" + Long.toHexString(System.nanoTime()));
        SipMessage next = phone.nextRequest(request).with(proxy ? "Proxy-Authorization" : "Authorization",
                credentials);
        return phone.sendRequest(next, destination);
    }

    private SipMessage next(Match match) {
        return next(match, phone.timeout());
    }

    private SipMessage next(Match match, Duration wait) {
        Received r = await(ofThis.and(match), wait);
        if (r == null) {
            throw new AssertionError("no " + match.description() + " to " + request.startLine() + " within "
                    + wait + "; unread: " + phone.unread());
        }
        take(r.message());
        return response;
    }

    private void take(SipMessage r) {
        response = r;
        if (r.status() == 401 || r.status() == 407) {
            challenge = r;
        }
    }

    private Received await(Match match, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long interval = T1;
        long nextResend = System.nanoTime() + interval * 1_000_000;
        boolean invite = request.method().equals("INVITE");
        while (true) {
            long now = System.nanoTime();
            boolean resending = phone.retransmits() && !(invite ? provisionalSeen || finalSeen : finalSeen);
            long until = resending ? Math.min(deadline, nextResend) : deadline;
            Received r = phone.take(ofThis, Duration.ofNanos(Math.max(0, until - now)));
            if (r != null) {
                SipMessage m = r.message();
                if (m.isFinal()) {
                    finalSeen = true;
                    if (invite && m.status() >= 300) {
                        acknowledge(m);
                    }
                } else {
                    provisionalSeen = true;
                }
                if (match.test(m)) {
                    return r;
                }
                continue;
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            if (resending) {
                retransmit();
                interval = invite ? interval * 2 : Math.min(interval * 2, T2);
                nextResend = System.nanoTime() + interval * 1_000_000;
            }
        }
    }

    /** RFC 3261 §17.1.1.3: the ACK for a non-2xx final response, in the INVITE's transaction. */
    private void acknowledge(SipMessage failure) {
        SipMessage ack = SipMessage.request("ACK", request.requestUri())
                .withAdded("Via", request.headerValues("Via").get(0))
                .withAdded("Max-Forwards", "70")
                .withAdded("From", request.requireHeader("From"))
                .withAdded("To", failure.requireHeader("To"))
                .withAdded("Call-ID", request.callId())
                .withAdded("CSeq", request.cseq() + " ACK");
        for (String route : request.headerValues("Route")) {
            ack = ack.withAdded("Route", route);
        }
        phone.socket().send(ack.encode(), destination);
    }
}
