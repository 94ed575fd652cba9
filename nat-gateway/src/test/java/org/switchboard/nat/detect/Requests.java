package org.switchboard.nat.detect;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/** Requests and flows for the detection tests. */
final class Requests {
    static final InetSocketAddress SERVER = new InetSocketAddress("198.51.100.1", 5060);

    private Requests() {
    }

    /** A REGISTER for 201@example.com with this top Via sent-by and Contact host:port. */
    static SipRequest register(String viaSentBy, String contactHostPort) {
        return register("UDP", viaSentBy, contactHostPort);
    }

    /** A REGISTER for 201@example.com over this transport, with this top Via sent-by and Contact host:port. */
    static SipRequest register(String transport, String viaSentBy, String contactHostPort) {
        return parse("REGISTER sip:example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + viaSentBy + ";rport;branch=z9hG4bK-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:201@example.com>;tag=a1\r\n"
                + "To: <sip:201@example.com>\r\n"
                + "Call-ID: nat-1@test\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:201@" + contactHostPort + ">\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    /** An INVITE from 201@example.com with this Via sent-by and Contact host:port. */
    static SipRequest invite(String viaSentBy, String contactHostPort) {
        return parse("INVITE sip:202@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + viaSentBy + ";rport;branch=z9hG4bK-2\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Desk\" <sip:201@example.com>;tag=a2\r\n"
                + "To: <sip:202@example.com>\r\n"
                + "Call-ID: nat-2@test\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: \"Desk\" <sip:201@" + contactHostPort + ";transport=udp>;expires=60\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    static SipRequest parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ParseResult result = SipParser.parse(bytes, 0, bytes.length, true);
        if (!result.isSuccess()) {
            throw new IllegalArgumentException(result.error());
        }
        return (SipRequest) result.message();
    }

    static Flow udpFrom(String address, int port) {
        return new Flow(Transport.UDP, SERVER, new InetSocketAddress(address, port), 0);
    }

    static Flow tcpFrom(String address, int port) {
        return new Flow(Transport.TCP, SERVER, new InetSocketAddress(address, port), 7);
    }
}
