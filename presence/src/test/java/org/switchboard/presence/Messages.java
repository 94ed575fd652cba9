package org.switchboard.presence;

import java.nio.charset.StandardCharsets;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

/** SIP messages for the tests, parsed from text with CRLF line ends. */
public final class Messages {
    private Messages() {
    }

    public static SipRequest request(String text) {
        return (SipRequest) parse(text);
    }

    public static SipResponse response(String text) {
        return (SipResponse) parse(text);
    }

    /** 200's INVITE to 201, from tag {@code caller-tag}, as the proxy forwards it to 201's phone. */
    public static SipRequest invite(String callId) {
        return request("INVITE sip:201@192.0.2.21:5060 SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKproxy1\n"
                + "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKphone1\n"
                + "Max-Forwards: 69\n"
                + "From: \"Alice \\\"A\\\" <Desk>\" <sip:200@example.com>;tag=caller-tag\n"
                + "To: <sip:201@example.com>\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 2 INVITE\n"
                + "Contact: <sip:200@192.0.2.20:5060>\n"
                + "Content-Length: 0\n\n");
    }

    /** A response to 200's INVITE on its way back to 200, with 201's tag if not {@code null}. */
    public static SipResponse inviteResponse(String callId, int status, String reason, String calleeTag) {
        return response("SIP/2.0 " + status + " " + reason + "\n"
                + "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKphone1\n"
                + "From: <sip:200@example.com>;tag=caller-tag\n"
                + "To: <sip:201@example.com>" + (calleeTag != null ? ";tag=" + calleeTag : "") + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 2 INVITE\n"
                + "Content-Length: 0\n\n");
    }

    /** 201's BYE in the call, as the proxy forwards it to 200. */
    public static SipRequest bye(String callId) {
        return request("BYE sip:200@192.0.2.20:5060 SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKproxy2\n"
                + "Via: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKphone2\n"
                + "Max-Forwards: 69\n"
                + "From: <sip:201@example.com>;tag=callee-tag\n"
                + "To: <sip:200@example.com>;tag=caller-tag\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 1 BYE\n"
                + "Content-Length: 0\n\n");
    }

    private static SipMessage parse(String text) {
        byte[] bytes = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return SipParser.parse(bytes, 0, bytes.length, true).message();
    }
}
