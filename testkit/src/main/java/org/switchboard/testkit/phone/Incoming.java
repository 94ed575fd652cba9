package org.switchboard.testkit.phone;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * A request a phone received and the script answers, TFM style: {@code bob.expect("INVITE").ring()
 * .answer().expectAck()}, or {@code .expectCancel()}, or {@code .reject(486)}. Responses go back
 * where the request came from (RFC 3261 §18.2.2, on its connection for TCP) with one To tag for all
 * of them (§8.2.6.2); a 2xx to an INVITE carries the phone's Contact and an SDP answer. Used from the
 * test's thread.
 */
public final class Incoming {
    private final Phone phone;
    private final Received received;
    private final SipMessage request;
    private final String toTag = Phone.newTag();
    private Dialog dialog;

    Incoming(Phone phone, Received received) {
        this.phone = phone;
        this.received = received;
        this.request = received.message();
    }

    /** The request. */
    public SipMessage request() {
        return request;
    }

    /** Where it came from. */
    public InetSocketAddress from() {
        return received.from();
    }

    /** The To tag of this side's responses. */
    public String toTag() {
        return toTag;
    }

    /** Answers with this status and reason. */
    public Incoming respond(int status, String reason) {
        return respond(status, reason, UnaryOperator.identity());
    }

    /** Answers with this status, the response changed by the script (a Contact for a 302, say). */
    public Incoming respond(int status, UnaryOperator<SipMessage> change) {
        return respond(status, Reasons.of(status), change);
    }

    private Incoming respond(int status, String reason, UnaryOperator<SipMessage> change) {
        SipMessage response = request.responseTo(status, reason, status == 100 ? null : toTag);
        if (status > 100 && status < 300 && request.method().equals("INVITE")) {
            response = response.with("Contact", "<" + phone.contact() + ">");
        }
        if (status >= 200 && status < 300 && request.method().equals("INVITE")) {
            response = response.withBody(Sdp.CONTENT_TYPE, Sdp.audio(phone.localAddress(), phone.user()));
        }
        phone.socket().reply(change.apply(response).encode(), received);
        return this;
    }

    /** Answers with this status and its usual reason phrase. */
    public Incoming respond(int status) {
        return respond(status, Reasons.of(status));
    }

    /** 180 Ringing. */
    public Incoming ring() {
        return respond(180);
    }

    /** 200 OK (with an SDP answer to an INVITE). */
    public Incoming answer() {
        return respond(200);
    }

    /** A final failure response. */
    public Incoming reject(int status) {
        return respond(status);
    }

    /** Waits for the ACK of this INVITE's final response (same Call-ID and CSeq number). */
    public Incoming expectAck() {
        phone.take(Match.request("ACK").and(Match.cseq(request.cseq(), "ACK")).and(Match.callId(request.callId())));
        return this;
    }

    /**
     * Waits for the CANCEL of this INVITE (same Call-ID, CSeq number and top Via branch, RFC 3261
     * §9.2), answers it 200 and the INVITE 487 Request Terminated.
     */
    public Incoming expectCancel() {
        String branch = request.topBranch();
        Received cancel = phone.take(Match.request("CANCEL").and(Match.callId(request.callId()))
                .and(Match.of("branch " + branch, m -> m.topBranch().equals(branch))));
        phone.socket().reply(cancel.message().responseTo(200, "OK", toTag).encode(), cancel);
        return respond(487);
    }

    /** A BYE from this side of the dialog the 2xx set up (RFC 3261 §12.1.1, §15.1). */
    public ClientTransaction bye() {
        return phone.sendRequest(dialog().request("BYE", phone.via()), dialog().nextHop());
    }

    private Dialog dialog() {
        if (dialog == null) {
            List<String> contacts = request.contactUris();
            if (contacts.isEmpty()) {
                throw new AssertionError("INVITE without Contact (RFC 3261 §8.1.1.8)\n" + request);
            }
            dialog = new Dialog(request.callId(), SipMessage.uriOf(request.requireHeader("To")), toTag,
                    SipMessage.uriOf(request.requireHeader("From")), request.fromTag().orElse(null), contacts.get(0),
                    request.headerValues("Record-Route"), 1);
        }
        return dialog;
    }
}
