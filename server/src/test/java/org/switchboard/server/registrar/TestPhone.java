package org.switchboard.server.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipResponse;

/**
 * A small SIP phone for tests: sends REGISTERs over UDP from its own loopback socket and answers
 * digest challenges. One Call-ID per phone, CSeq counting up, as RFC 3261 §10.2 asks. Not
 * thread-safe: one phone per thread.
 */
final class TestPhone implements AutoCloseable {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern ALGORITHM = Pattern.compile("algorithm=([A-Za-z0-9-]+)");

    final String user;
    final String domain;
    String password;
    String callId = UUID.randomUUID() + "@test";
    final DatagramSocket socket;
    private final InetSocketAddress server;
    private long cseq;
    private String nonce;
    private DigestAlgorithm algorithm;
    private long nonceCount;

    TestPhone(InetSocketAddress server, String user, String domain, String password) throws IOException {
        this.server = server;
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** This phone's Contact URI. */
    String contact() {
        return "sip:" + user + "@127.0.0.1:" + port();
    }

    /** A REGISTER being put together. */
    final class Register {
        private String toUser = user;
        private String requestUri = "sip:" + domain;
        private final List<String> headers = new ArrayList<>();
        private boolean authenticate = true;
        private String replayNc;

        Register to(String aorUser) {
            toUser = aorUser;
            return this;
        }

        /** Addresses the REGISTER to {@code uri} instead of the domain. */
        Register requestUri(String uri) {
            requestUri = uri;
            return this;
        }

        Register contact(String value) {
            return header("Contact", value);
        }

        Register expires(long seconds) {
            return header("Expires", Long.toString(seconds));
        }

        Register header(String name, String value) {
            headers.add(name + ": " + value);
            return this;
        }

        /** Sends without credentials even if a nonce is known. */
        Register withoutCredentials() {
            authenticate = false;
            return this;
        }

        /** Sends credentials with this nonce-count instead of the next one. */
        Register nonceCount(long nc) {
            replayNc = String.format("%08x", nc);
            return this;
        }

        /** Sends once and returns the response. */
        SipResponse send() throws IOException {
            cseq++;
            StringBuilder m = new StringBuilder();
            m.append("REGISTER ").append(requestUri).append(" SIP/2.0\r\n")
                    .append("Via: SIP/2.0/UDP 127.0.0.1:").append(port()).append(";branch=z9hG4bK")
                    .append(UUID.randomUUID().toString().replace("-", "")).append(";rport\r\n")
                    .append("Max-Forwards: 70\r\n")
                    .append("From: <sip:").append(user).append('@').append(domain).append(">;tag=").append(port())
                    .append("\r\n")
                    .append("To: <sip:").append(toUser).append('@').append(domain).append(">\r\n")
                    .append("Call-ID: ").append(callId).append("\r\n")
                    .append("CSeq: ").append(cseq).append(" REGISTER\r\n")
                    .append("User-Agent: TestPhone\r\n");
            for (String h : headers) {
                m.append(h).append("\r\n");
            }
            if (authenticate && nonce != null) {
                String nc = replayNc != null ? replayNc : String.format("%08x", ++nonceCount);
                m.append("Authorization: ").append(credentials(nc, requestUri)).append("\r\n");
            }
            m.append("Content-Length: 0\r\n\r\n");
            byte[] bytes = m.toString().getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, server));
            return receive(cseq);
        }

        /** Sends, and if challenged, once more with credentials; returns the final response. */
        SipResponse sendAuthenticated() throws IOException {
            SipResponse r = send();
            if (r.statusCode() == 401) {
                learn(r);
                return send();
            }
            return r;
        }
    }

    Register register() {
        return new Register();
    }

    /** Takes the nonce of a 401's first (preferred) challenge. */
    void learn(SipResponse challenge) {
        String value = challenge.headers().firstValue(HeaderName.WWW_AUTHENTICATE);
        Matcher n = NONCE.matcher(value);
        Matcher a = ALGORITHM.matcher(value);
        assertThat(n.find() && a.find()).as("a digest challenge: %s", value).isTrue();
        nonce = n.group(1);
        algorithm = DigestAlgorithm.fromToken(a.group(1));
        nonceCount = 0;
    }

    private String credentials(String nc, String uri) {
        String cnonce = "c" + cseq;
        String response = algorithm.response(algorithm.ha1(user, domain, password), nonce, nc, cnonce, "auth",
                algorithm.ha2("REGISTER", uri));
        return "Digest username=\"" + user + "\", realm=\"" + domain + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm.token() + ", cnonce=\"" + cnonce
                + "\", qop=auth, nc=" + nc;
    }

    /**
     * Sends {@code request} (CRLF line ends) as it is, and returns its final response, matched by
     * CSeq number.
     */
    SipResponse sendRequest(String request, long cseqNumber) throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
        return receive(cseqNumber);
    }

    private SipResponse receive(long expectedCseq) throws IOException {
        byte[] buf = new byte[65_535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no response to REGISTER CSeq " + expectedCseq + " within 5 s", e);
            }
            ParseResult parsed = SipParser.parse(p.getData(), 0, p.getLength(), true);
            assertThat(parsed.isSuccess()).as("a parsable response: %s", parsed.error()).isTrue();
            SipResponse r = (SipResponse) parsed.message();
            if (r.cseq().number() == expectedCseq && r.isFinal()) {
                return r;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
