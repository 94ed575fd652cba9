package org.switchboard.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Realistic messages as they arrive at the proxy, with CRLF line ends and a correct
 * Content-Length. Immutable; {@link #bytes()} returns a fresh copy so a parser that keeps
 * references into its buffer cannot see another run's changes.
 */
public enum SampleMessage {
    /** A REGISTER from a snom desk phone answering a digest challenge; no body. */
    REGISTER(true, """
            REGISTER sip:pbx.example.com SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.34:2048;branch=z9hG4bK-sb8fx2kq1f0l;rport
            From: "Alice Smith" <sip:201@pbx.example.com>;tag=fj4gmv8m3x
            To: "Alice Smith" <sip:201@pbx.example.com>
            Call-ID: 3c26700857c1-4vnxgmgk4pqv
            CSeq: 2 REGISTER
            Max-Forwards: 70
            Contact: <sip:201@192.168.1.34:2048;line=k2v1a8wd>;reg-id=1;q=1.0;+sip.instance="<urn:uuid:7e1c0c84-6d77-4b85-9f5c-000413a1b2c3>";audio;mobility="fixed";duplex="full";description="snom D785";actions="broadcast";events="dialog"
            User-Agent: snom D785/10.1.54.13
            Authorization: Digest username="201",realm="pbx.example.com",nonce="5f8a6c3e9b2d41f7a0c4e8b1d3f5a7c9",uri="sip:pbx.example.com",response="0b8d5e1c7a3f9e2d4c6b8a0f1e3d5c7b",algorithm=MD5,qop=auth,cnonce="a1b2c3d4",nc=00000001
            Expires: 3600
            Supported: path, gruu
            Allow-Events: dialog
            Allow: INVITE, ACK, CANCEL, BYE, REFER, OPTIONS, NOTIFY, SUBSCRIBE, PRACK, MESSAGE, INFO, UPDATE
            """, ""),

    /** An initial INVITE that already passed an edge proxy: 14 headers and an SDP offer with five codecs. */
    INVITE(true, """
            INVITE sip:bob@pbx.example.com SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK2d4790.1;rport=5060
            Record-Route: <sip:10.0.0.1;lr;ftag=as5b1c9e>
            Route: <sip:10.0.0.2;lr>
            Max-Forwards: 69
            From: "Alice Smith" <sip:201@pbx.example.com>;tag=as5b1c9e
            To: <sip:bob@pbx.example.com>
            Call-ID: 6f1b2c3d4e5f60718293a4b5c6d7e8f9@192.168.1.34
            CSeq: 102 INVITE
            Contact: <sip:201@203.0.113.7:61234;transport=udp>
            User-Agent: snom D785/10.1.54.13
            Allow: INVITE, ACK, CANCEL, BYE, REFER, OPTIONS, NOTIFY, SUBSCRIBE, PRACK, MESSAGE, INFO, UPDATE
            Supported: timer, 100rel, replaces, from-change
            Content-Type: application/sdp
            """, """
            v=0
            o=root 1821 1821 IN IP4 192.168.1.34
            s=call
            c=IN IP4 192.168.1.34
            t=0 0
            m=audio 62410 RTP/AVP 9 0 8 18 101
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            a=sendrecv
            """),

    /** The callee's 200 OK to that INVITE on its way back through the proxy: two Vias and an SDP answer. */
    OK_200(false, """
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKsb7a31c0f2
            Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK2d4790.1;rport=5060
            Record-Route: <sip:10.0.0.1;lr;ftag=as5b1c9e>
            From: "Alice Smith" <sip:201@pbx.example.com>;tag=as5b1c9e
            To: <sip:bob@pbx.example.com>;tag=8321234356
            Call-ID: 6f1b2c3d4e5f60718293a4b5c6d7e8f9@192.168.1.34
            CSeq: 102 INVITE
            Contact: <sip:bob@192.168.1.50:5060;transport=udp>
            Allow: INVITE, ACK, CANCEL, BYE, REFER, OPTIONS, NOTIFY, SUBSCRIBE, INFO, UPDATE
            Supported: replaces, timer
            Server: Yealink SIP-T54W 96.86.0.70
            Content-Type: application/sdp
            """, """
            v=0
            o=- 20518 0 IN IP4 192.168.1.50
            s=SDP data
            c=IN IP4 192.168.1.50
            t=0 0
            m=audio 11780 RTP/AVP 9 101
            a=rtpmap:9 G722/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            a=sendrecv
            """);

    private final boolean request;
    private final byte[] wire;

    SampleMessage(boolean request, String headers, String body) {
        this.request = request;
        byte[] bodyBytes = crlf(body).getBytes(StandardCharsets.UTF_8);
        String head = crlf(headers) + "Content-Length: " + bodyBytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        wire = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, wire, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, wire, headBytes.length, bodyBytes.length);
    }

    private static String crlf(String lfText) {
        return lfText.replace("\n", "\r\n");
    }

    /** Whether this is a request (forwarded with a new Via) rather than a response (top Via popped). */
    public boolean isRequest() {
        return request;
    }

    /** The message as received on the wire, a fresh copy. */
    public byte[] bytes() {
        return wire.clone();
    }
}
