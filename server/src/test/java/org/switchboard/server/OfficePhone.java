package org.switchboard.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipResponse;

/**
 * Test support: one phone on its own UDP socket of a given local address, which registers a user and
 * answers one digest challenge, as most phones do. No answer within the wait, after one
 * retransmission, is {@link #NO_ANSWER}. Used from one test thread.
 */
final class OfficePhone implements AutoCloseable {
    /** What {@link #register} returns when the server stays silent. */
    static final int NO_ANSWER = -1;
    private static final int WAIT_MILLIS = 700;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String user;
    private final String domain;
    private final String callId = UUID.randomUUID() + "@office";
    private final byte[] buffer = new byte[65_535];
    private long cseq;

    OfficePhone(InetAddress local, InetSocketAddress server, String user, String domain) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(local, 0));
        socket.setSoTimeout(WAIT_MILLIS);
        this.server = server;
        this.user = user;
        this.domain = domain;
    }

    /**
     * Sends a REGISTER, answers a 401 once with {@code password}, and returns the final status, or
     * {@link #NO_ANSWER}.
     */
    int register(String password) throws IOException {
        SipResponse first = send(null, password);
        if (first == null) {
            return NO_ANSWER;
        }
        if (first.statusCode() != 401) {
            return first.statusCode();
        }
        SipResponse second = send(first, password);
        return second == null ? NO_ANSWER : second.statusCode();
    }

    private SipResponse send(SipResponse challenge, String password) throws IOException {
        cseq++;
        String uri = "sip:" + domain;
        StringBuilder m = new StringBuilder()
                .append("REGISTER ").append(uri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(socket.getLocalAddress().getHostAddress()).append(':')
                .append(socket.getLocalPort()).append(";branch=z9hG4bK").append(UUID.randomUUID().toString()
                        .replace("-", "")).append(";rport\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:").append(user).append('@').append(domain).append(">;tag=").append(cseq)
                .append("\r\n")
                .append("To: <sip:").append(user).append('@').append(domain).append(">\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(" REGISTER\r\n")
                .append("Contact: <sip:").append(user).append('@').append(socket.getLocalAddress().getHostAddress())
                .append(':').append(socket.getLocalPort()).append(">\r\n")
                .append("Expires: 600\r\n");
        if (challenge != null) {
            m.append("Authorization: ").append(DigestAnswer.authorization(
                    challenge.headers().firstValue(HeaderName.WWW_AUTHENTICATE), "REGISTER", uri, user, password,
                    "c" + cseq)).append("\r\n");
        }
        m.append("Content-Length: 0\r\n\r\n");
        byte[] bytes = m.toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 2; attempt++) {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
            SipResponse r = receiveFinal();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** The final response to the current CSeq, or null if none comes within the wait. */
    private SipResponse receiveFinal() throws IOException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            ParseResult parsed = SipParser.parse(packet.getData(), 0, packet.getLength(), true);
            if (parsed.message() instanceof SipResponse r && r.isFinal() && r.cseq().number() == cseq) {
                return r;
            }
        }
        return null;
    }

    @Override
    public void close() {
        socket.close();
    }
}
