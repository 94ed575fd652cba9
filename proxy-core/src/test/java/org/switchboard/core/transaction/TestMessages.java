package org.switchboard.core.transaction;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.Transport;

/** Test messages, parsed from raw text as they would arrive. */
final class TestMessages {
    static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.10", 5060);
    static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.20", 5060);

    private TestMessages() {
    }

    static SipMessage parse(String text) {
        byte[] bytes = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        ParseResult result = SipParser.parse(bytes, 0, bytes.length, true);
        if (!result.isSuccess() || result.message().validate() != null) {
            throw new IllegalArgumentException("Bad test message: " + result.error() + " "
                    + (result.message() == null ? "" : result.message().validate()));
        }
        return result.message();
    }

    /** A request from the peer with the given top Via branch, Call-ID and CSeq number. */
    static SipRequest request(String method, String branch, String callId, long cseq) {
        return request(method, branch, callId, cseq, "");
    }

    /** As {@link #request(String, String, String, long)} with a To tag ({@code ""} for none). */
    static SipRequest request(String method, String branch, String callId, long cseq, String toTag) {
        String branchParam = branch == null ? "" : ";branch=" + branch;
        String to = toTag.isEmpty() ? "<sip:bob@example.com>" : "<sip:bob@example.com>;tag=" + toTag;
        return (SipRequest) parse(method + " sip:bob@example.com SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.20:5060" + branchParam + "\n"
                + "Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bKfirsthop\n"
                + "Max-Forwards: 70\n"
                + "Route: <sip:proxy.example.com;lr>\n"
                + "From: \"Alice\" <sip:alice@example.com>;tag=alice1\n"
                + "To: " + to + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "Contact: <sip:alice@192.0.2.20>\n"
                + "Content-Length: 0\n\n");
    }

    static SipRequest invite(String branch) {
        return request("INVITE", branch, "call-1@example.com", 1);
    }

    /** A response to {@code request} as it would come back off the wire, To tagged {@code bob1}. */
    static SipResponse response(SipRequest request, int code) {
        SipResponse.Builder builder = SipResponse.builderFor(request, code, "Reason");
        if (code > 100) {
            builder.toTag("bob1");
        }
        return reparse(builder.build());
    }

    /** A response with the given top Via branch and CSeq, for a request we sent. */
    static SipResponse response(int code, String branch, String callId, long cseq, String method) {
        return (SipResponse) parse("SIP/2.0 " + code + " Reason\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + "\n"
                + "From: <sip:alice@example.com>;tag=alice1\n"
                + "To: <sip:bob@example.com>;tag=bob1\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "Content-Length: 0\n\n");
    }

    /** A request we send: our own Via on top with {@code branch}. */
    static SipRequest outgoing(String method, String branch, String callId) {
        return (SipRequest) parse(method + " sip:bob@192.0.2.20 SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + "\n"
                + "Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bKupstream\n"
                + "Max-Forwards: 69\n"
                + "Route: <sip:edge.example.com;lr>\n"
                + "From: <sip:alice@example.com>;tag=alice1\n"
                + "To: <sip:bob@example.com>\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 1 " + method + "\n"
                + "Content-Length: 0\n\n");
    }

    static SipResponse reparse(SipResponse response) {
        return (SipResponse) parse(response.toString().replace("\r\n", "\n"));
    }

    static InboundMessage inbound(SipMessage message, Transport transport) {
        Flow flow = new Flow(transport, LOCAL, PEER, transport.isReliable() ? 7 : 0);
        return new InboundMessage(message, flow, 0);
    }

    static Destination destination(Transport transport) {
        return Destination.of(transport, PEER);
    }
}
