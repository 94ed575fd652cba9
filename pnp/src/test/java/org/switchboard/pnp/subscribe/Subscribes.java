package org.switchboard.pnp.subscribe;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/** SUBSCRIBE messages as phones send them, for tests. */
final class Subscribes {
    /** A snom phone's boot-time SUBSCRIBE, as in the published trace. */
    static final String SNOM = """
            SUBSCRIBE sip:MAC%3a00041329882C@voip.example.com SIP/2.0\r
            Via: SIP/2.0/UDP 192.168.10.67:2055;rport\r
            From: <sip:MAC%3a00041329882C@voip.example.com>;tag=1023721533\r
            To: <sip:MAC%3a00041329882C@voip.example.com>\r
            Call-ID: 1936281451@192.168.10.67\r
            CSeq: 1 SUBSCRIBE\r
            Max-Forwards: 70\r
            Event: ua-profile;profile-type="device";vendor="snom";model="snomD785";version="10.1.54"\r
            Expires: 0\r
            Accept: application/url\r
            Contact: <sip:192.168.10.67:2055>\r
            Content-Length: 0\r
            \r
            """;

    static final Flow MULTICAST_FLOW = new Flow(Transport.UDP, new InetSocketAddress("224.0.1.75", 5060),
            new InetSocketAddress("192.168.10.67", 2055), 0);

    private Subscribes() {
    }

    static SipRequest request(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ParseResult result = SipParser.parse(bytes, 0, bytes.length, true);
        if (!result.isSuccess()) {
            throw new IllegalArgumentException(result.error());
        }
        return (SipRequest) result.message();
    }

    /** The snom SUBSCRIBE with one header line replaced (or removed if {@code newLine} is empty). */
    static SipRequest snomWith(String headerPrefix, String newLine) {
        StringBuilder b = new StringBuilder();
        for (String line : SNOM.split("\r\n", -1)) {
            if (line.startsWith(headerPrefix)) {
                if (!newLine.isEmpty()) {
                    b.append(newLine).append("\r\n");
                }
            } else {
                b.append(line).append("\r\n");
            }
        }
        return request(b.substring(0, b.length() - 2));
    }
}
