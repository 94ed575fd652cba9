package org.switchboard.core.transport.netty;

import java.nio.charset.StandardCharsets;

/** Raw SIP messages for transport tests. */
final class SipTestMessages {
    private SipTestMessages() {
    }

    /** An OPTIONS request with the given top Via value and body, CRLF line ends, correct Content-Length. */
    static String options(String via, String callId, String body) {
        return "OPTIONS sip:bob@example.com SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "\r\n"
                + body;
    }

    /** An OPTIONS request without a body. */
    static String options(String via, String callId) {
        return options(via, callId, "");
    }

    static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
