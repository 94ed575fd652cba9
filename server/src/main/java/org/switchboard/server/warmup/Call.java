package org.switchboard.server.warmup;

import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipResponse;

/**
 * An authenticated call as a phone makes it: INVITE, 407, ACK, INVITE with credentials, 200, ACK,
 * BYE, 200 (RFC 3261 §13, §15, §22.3), hung up as soon as it is answered.
 */
final class Call extends Exchange {
    private final String user;
    private final String password;
    private final String domain;
    private final String callee;
    private final InetSocketAddress local;
    private final String fromTag = SipText.newTag();
    private final String firstBranch = "z9hG4bK" + SipText.newTag();
    private boolean credentialsSent;
    private boolean answered;

    Call(String user, String password, String domain, String callee, InetSocketAddress local) {
        this.user = user;
        this.password = password;
        this.domain = domain;
        this.callee = callee;
        this.local = local;
    }

    @Override
    byte[] first() {
        return invite(1, firstBranch, "");
    }

    @Override
    List<byte[]> onResponse(SipResponse response) {
        int status = response.statusCode();
        String method = response.cseq().method();
        if (status < 200) {
            return List.of();
        }
        if ("BYE".equals(method)) {
            if (status < 300) {
                succeed();
            } else {
                fail("BYE answered " + status + " " + response.reasonPhrase());
            }
            return List.of();
        }
        if (status == 407 && response.cseq().number() == 1) {
            if (credentialsSent) {
                // §17.1.1.2: a retransmitted 407 (our ACK was slow or lost) is acknowledged again, no more
                return List.of(ackOfFailure(response));
            }
            credentialsSent = true;
            String credentials = SipText.credentials(response.header(HeaderName.PROXY_AUTHENTICATE), "INVITE",
                    requestUri(), user, password);
            if (credentials == null) {
                fail("challenged with an algorithm the warm-up does not know");
                return List.of(ackOfFailure(response));
            }
            return List.of(ackOfFailure(response),
                    invite(2, "z9hG4bK" + SipText.newTag(), "Proxy-Authorization: " + credentials + "\r\n"));
        }
        if (status >= 300) {
            fail("INVITE answered " + status + " " + response.reasonPhrase());
            return List.of(ackOfFailure(response));
        }
        // §13.2.2.4: every 2xx is acknowledged; the first also ends the call
        List<NameAddr> contacts = response.contacts();
        String target = contacts.isEmpty() ? requestUri() : contacts.get(0).uri();
        String routes = SipText.routeHeaders(response.headers().values(HeaderName.RECORD_ROUTE));
        String to = response.header(HeaderName.TO);
        byte[] ack = SipText.request("ACK", target, local, "z9hG4bK" + SipText.newTag(), from(), to, callId,
                response.cseq().number(), routes);
        if (answered) {
            return List.of(ack);
        }
        answered = true;
        byte[] bye = SipText.request("BYE", target, local, "z9hG4bK" + SipText.newTag(), from(), to, callId,
                response.cseq().number() + 1, routes);
        return List.of(ack, bye);
    }

    /** §17.1.1.3: the ACK of a failure response, in the INVITE's transaction. */
    private byte[] ackOfFailure(SipResponse response) {
        return SipText.request("ACK", requestUri(), local, response.topVia().branch(), from(),
                response.header(HeaderName.TO), callId, response.cseq().number(), "");
    }

    private byte[] invite(long cseq, String branch, String credentials) {
        return SipText.request("INVITE", requestUri(), local, branch, from(), "<" + requestUri() + ">", callId, cseq,
                credentials + "Contact: <sip:" + user + "@" + local.getHostString() + ":" + local.getPort() + ">\r\n"
                        + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY\r\n", SipText.sdp(local));
    }

    private String requestUri() {
        return "sip:" + callee + "@" + domain;
    }

    private String from() {
        return "<sip:" + user + "@" + domain + ">;tag=" + fromTag;
    }
}
