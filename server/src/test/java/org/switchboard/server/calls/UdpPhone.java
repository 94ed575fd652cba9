package org.switchboard.server.calls;

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
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.server.DigestAnswer;

/**
 * Test support: a scripted phone on its own loopback UDP socket. It registers a contact with digest
 * authentication (one Call-ID per boot, as a phone picks a new one when it restarts), answers the
 * requests it receives with a status of the script's choosing, and sends raw requests as a caller.
 * Waits are bounded. Used from one test thread.
 */
final class UdpPhone implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String callId = UUID.randomUUID() + "@phone";
    private long cseq;

    /** A message and where it came from. */
    record Received(SipMessage message, InetSocketAddress from) {
        SipRequest request() {
            return (SipRequest) message;
        }

        SipResponse response() {
            return (SipResponse) message;
        }
    }

    UdpPhone(InetSocketAddress server) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** This phone's address as a Contact URI of {@code user}. */
    String contact(String user) {
        return "sip:" + user + "@127.0.0.1:" + socket.getLocalPort();
    }

    /**
     * Registers {@code <contact(user)>} plus {@code contactParams} (such as {@code +sip.instance})
     * for an hour, answering the 401 with MD5 credentials; returns the final response.
     */
    SipResponse register(String user, String domain, String password, String contactParams) throws IOException {
        String authorization = null;
        while (true) {
            cseq++;
            String register = "REGISTER sip:" + domain + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + UUID.randomUUID()
                    + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + user + "@" + domain + ">;tag=boot" + socket.getLocalPort() + "\r\n"
                    + "To: <sip:" + user + "@" + domain + ">\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: " + cseq + " REGISTER\r\n"
                    + "Contact: <" + contact(user) + ">" + contactParams + "\r\n"
                    + "Expires: 3600\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: 0\r\n\r\n";
            send(register, server);
            SipResponse response = expectFinal(5000);
            if (response.statusCode() != 401 || authorization != null) {
                return response;
            }
            authorization = DigestAnswer.authorization(response.headers().firstValue(HeaderName.WWW_AUTHENTICATE),
                    "REGISTER", "sip:" + domain, user, password, "c" + cseq);
        }
    }

    /** Sends SIP text (line ends made CRLF). */
    void send(String text, InetSocketAddress to) throws IOException {
        byte[] bytes = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** An INVITE from outside our domains to {@code target}, from this phone. */
    String invite(String target, String callIdOfCall) {
        return "INVITE " + target + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + UUID.randomUUID()
                + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:caller@outside.test>;tag=caller" + socket.getLocalPort() + "\n"
                + "To: <" + target + ">\n"
                + "Call-ID: " + callIdOfCall + "\n"
                + "CSeq: 1 INVITE\n"
                + "Contact: <sip:caller@127.0.0.1:" + socket.getLocalPort() + ">\n"
                + "Content-Length: 0\n\n";
    }

    /** Answers a received request with {@code status}, with a To tag (RFC 3261 §8.2.6.2). */
    void respond(Received request, int status, String reason) throws IOException {
        SipResponse response = SipResponse.builderFor(request.request(), status, reason).toTag("t" + status).build();
        byte[] bytes = response.encode();
        socket.send(new DatagramPacket(bytes, bytes.length, request.from()));
    }

    /** The next request with this method, skipping everything else; fails after the timeout. */
    Received expectRequest(String method, long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            Received r = receive(deadline, "a " + method);
            if (r.message() instanceof SipRequest request && request.isMethod(method)) {
                return r;
            }
        }
    }

    /** The next final response, skipping provisionals and requests; fails after the timeout. */
    SipResponse expectFinal(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            Received r = receive(deadline, "a final response");
            if (r.message() instanceof SipResponse response && response.isFinal()) {
                return response;
            }
        }
    }

    /** Whatever arrives within the time, or {@code null}. */
    Received poll(long timeoutMillis) throws IOException {
        try {
            return receive(System.currentTimeMillis() + timeoutMillis, "anything");
        } catch (AssertionError e) {
            return null;
        }
    }

    private Received receive(long deadline, String what) throws IOException {
        byte[] buffer = new byte[65_535];
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no " + what + " in time");
            }
            socket.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            ParseResult parsed = SipParser.parse(packet.getData(), 0, packet.getLength(), true);
            if (parsed.message() != null) {
                return new Received(parsed.message(), (InetSocketAddress) packet.getSocketAddress());
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
