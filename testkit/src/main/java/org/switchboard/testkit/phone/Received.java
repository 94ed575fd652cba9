package org.switchboard.testkit.phone;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.switchboard.testkit.sip.SipMessage;

/**
 * What a phone received: the bytes, the message they parse to ({@code null} when they do not parse
 * as SIP), where they came from, and for TCP the connection they came on.
 *
 * @param message the parsed message, or {@code null} for bytes that are not SIP
 * @param bytes the datagram or the framed stream message
 * @param from the sender's address
 * @param connection the TCP connection it came on, or {@code null} for UDP
 */
public record Received(SipMessage message, byte[] bytes, InetSocketAddress from, PhoneSocket.Connection connection) {
    /** The bytes as text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "from " + from + ":\n" + text();
    }
}
