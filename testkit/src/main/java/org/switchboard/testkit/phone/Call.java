package org.switchboard.testkit.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.switchboard.testkit.sip.SipMessage;

/**
 * The caller's side of a call: the INVITE with an SDP offer, sent to the phone's server, then the
 * responses the script expects, the ACK for a 2xx (RFC 3261 §13.2.2.4), CANCEL (§9.1) and BYE
 * (§15.1). A challenge to the INVITE is answered with the next CSeq as the same call. Used from
 * the test's thread.
 */
public final class Call {
    private final Phone phone;
    private final String target;
    private final String callId;
    private final String localTag;
    private ClientTransaction invite;
    private Dialog dialog;

    Call(Phone phone, String target, String callId, String localTag, UnaryOperator<SipMessage> change) {
        this.phone = phone;
        this.target = target;
        this.callId = callId;
        this.localTag = localTag;
        SipMessage request = SipMessage.request("INVITE", target)
                .withAdded("Via", phone.via())
                .withAdded("Max-Forwards", "70")
                .withAdded("From", "<" + phone.aor() + ">;tag=" + localTag)
                .withAdded("To", "<" + target + ">")
                .withAdded("Call-ID", callId)
                .withAdded("CSeq", "1 INVITE")
                .withAdded("Contact", "<" + phone.contact() + ">")
                .withBody(Sdp.CONTENT_TYPE, Sdp.audio(phone.localAddress(), phone.user()));
        this.invite = phone.sendRequest(change.apply(request), phone.server());
    }

    /** The Call-ID. */
    public String callId() {
        return callId;
    }

    /** The INVITE transaction (the latest one, after a challenge). */
    public ClientTransaction invite() {
        return invite;
    }

    /** The last response to the INVITE the script took. */
    public SipMessage response() {
        return invite.response();
    }

    /**
     * Waits for a response to the INVITE with this status; a 2xx sets up the dialog (RFC 3261
     * §12.1.2: remote target from its Contact, route set from its Record-Route reversed).
     */
    public Call expect(int status) {
        return expect(status, phone.timeout());
    }

    /** As {@link #expect(int)}, waiting this long at most instead of the phone's timeout. */
    public Call expect(int status, Duration wait) {
        invite.expect(status, wait);
        SipMessage r = invite.response();
        if (status >= 200 && status < 300) {
            List<String> routes = new ArrayList<>(r.headerValues("Record-Route"));
            Collections.reverse(routes);
            List<String> contacts = r.contactUris();
            if (contacts.isEmpty()) {
                throw new AssertionError("2xx to INVITE without Contact (RFC 3261 §12.1.2)\n" + r);
            }
            dialog = new Dialog(callId, phone.aor(), localTag, target, r.toTag().orElse(null), contacts.get(0), routes,
                    invite.request().cseq());
        }
        return this;
    }

    /** Waits for a 401 or 407 to the INVITE (acknowledged by the transaction). */
    public Call expectChallenge() {
        invite.expectChallenge();
        return this;
    }

    /** Sends the INVITE again with credentials for the challenge, the same call with the next CSeq. */
    public Call answer() {
        invite = invite.answer();
        return this;
    }

    /** The ACK for the 2xx, a request of its own in the dialog with the INVITE's CSeq number. */
    public Call ack() {
        Dialog d = requireDialog();
        phone.send(d.request("ACK", phone.via(), invite.request().cseq()), d.nextHop());
        return this;
    }

    /** A BYE in the dialog. */
    public ClientTransaction bye() {
        Dialog d = requireDialog();
        return phone.sendRequest(d.request("BYE", phone.via()), d.nextHop());
    }

    /**
     * CANCEL of the pending INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, From, To, Route and
     * top Via branch, CSeq method CANCEL; to be expected 200, then the INVITE's 487.
     */
    public ClientTransaction cancel() {
        SipMessage i = invite.request();
        SipMessage cancel = SipMessage.request("CANCEL", i.requestUri())
                .withAdded("Via", i.headerValues("Via").get(0))
                .withAdded("Max-Forwards", "70")
                .withAdded("From", i.requireHeader("From"))
                .withAdded("To", i.requireHeader("To"))
                .withAdded("Call-ID", callId)
                .withAdded("CSeq", i.cseq() + " CANCEL");
        for (String route : i.headerValues("Route")) {
            cancel = cancel.withAdded("Route", route);
        }
        return phone.sendRequest(cancel, phone.server());
    }

    private Dialog requireDialog() {
        if (dialog == null) {
            throw new IllegalStateException("no dialog: expect a 2xx to the INVITE first");
        }
        return dialog;
    }
}
