package org.switchboard.server.warmup;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;

/**
 * The SIP text of the synthetic phones: requests and responses written as a phone writes them, and
 * the credentials answering a digest challenge (RFC 7616 §3.4). Stateless and thread-safe.
 */
final class SipText {
    private static final String USER_AGENT = "Switchboard warm-up";
    private SipText() {
    }

    /** A request without a body; {@code extra} holds further header lines, each ending in CRLF. */
    static byte[] request(String method, String uri, InetSocketAddress from, String branch, String fromHeader,
            String toHeader, String callId, long cseq, String extra) {
        return request(method, uri, from, branch, fromHeader, toHeader, callId, cseq, extra, null);
    }

    /** A request with an SDP body, or none if {@code sdp} is {@code null}. */
    static byte[] request(String method, String uri, InetSocketAddress from, String branch, String fromHeader,
            String toHeader, String callId, long cseq, String extra, String sdp) {
        String text = method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + from.getHostString() + ":" + from.getPort() + ";branch=" + branch
                + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + fromHeader + "\r\n"
                + "To: " + toHeader + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + extra
                + body(sdp);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A response to {@code request} (RFC 3261 §8.2.6): its Vias, From, Call-ID and CSeq, its To with
     * {@code toTag} added, and for a dialog-creating INVITE its Record-Route and our Contact.
     */
    static byte[] response(SipRequest request, int status, String reason, String toTag, String contact,
            String sdp) {
        StringBuilder text = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String via : request.headers().values(HeaderName.VIA)) {
            text.append("Via: ").append(via).append("\r\n");
        }
        String to = request.header(HeaderName.TO);
        if (toTag != null && request.to().tag() == null) {
            to = to + ";tag=" + toTag;
        }
        text.append("From: ").append(request.header(HeaderName.FROM)).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(request.callId()).append("\r\n")
                .append("CSeq: ").append(request.header(HeaderName.CSEQ)).append("\r\n");
        if (contact != null) {
            for (String rr : request.headers().values(HeaderName.RECORD_ROUTE)) {
                text.append("Record-Route: ").append(rr).append("\r\n");
            }
            text.append("Contact: <").append(contact).append(">\r\n");
        }
        text.append("Server: ").append(USER_AGENT).append("\r\n").append(body(sdp));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** An audio offer or answer as a phone makes it (RFC 4566), for {@code address}. */
    static String sdp(InetSocketAddress address) {
        String host = address.getHostString();
        return "v=0\r\n"
                + "o=- 3912 3912 IN IP4 " + host + "\r\n"
                + "s=-\r\n"
                + "c=IN IP4 " + host + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + (address.getPort() + 1000) + " RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=sendrecv\r\n";
    }

    private static String body(String sdp) {
        if (sdp == null) {
            return "Content-Length: 0\r\n\r\n";
        }
        return "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** The route set of a dialog as its caller sees it: the Record-Route of the 2xx, reversed (§12.1.2). */
    static String routeHeaders(List<String> recordRoutes) {
        StringBuilder out = new StringBuilder();
        for (int i = recordRoutes.size() - 1; i >= 0; i--) {
            out.append("Route: ").append(recordRoutes.get(i)).append("\r\n");
        }
        return out.toString();
    }

    /**
     * The Authorization or Proxy-Authorization value answering {@code challenge} for {@code user},
     * with qop=auth when the challenge offers it, or {@code null} if its algorithm is not one we know.
     */
    static String credentials(String challenge, String method, String uri, String user, String password) {
        String realm = param(challenge, "realm").orElse("");
        String nonce = param(challenge, "nonce").orElse("");
        String token = param(challenge, "algorithm").orElse(null);
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(token);
        if (algorithm == null) {
            return null;
        }
        boolean qopAuth = param(challenge, "qop").map(q -> q.toLowerCase(Locale.ROOT).matches("(.*,)?\\s*auth\\s*(,.*)?"))
                .orElse(false);
        String ha1 = algorithm.ha1(user, realm, password);
        String ha2 = algorithm.ha2(method, uri);
        String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
        String response = qopAuth ? algorithm.response(ha1, nonce, "00000001", cnonce, "auth", ha2)
                : algorithm.hash(ha1 + ':' + nonce + ':' + ha2);
        StringBuilder out = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
                .append(response).append("\", algorithm=").append(algorithm.token());
        param(challenge, "opaque").ifPresent(o -> out.append(", opaque=\"").append(o).append('"'));
        if (qopAuth) {
            out.append(", cnonce=\"").append(cnonce).append("\", qop=auth, nc=00000001");
        }
        return out.toString();
    }

    /** The message in a datagram, or {@code null} if it is not one. */
    static SipMessage parse(byte[] datagram, int length) {
        try {
            return SipParser.parse(datagram, 0, length, true).message();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    private static Optional<String> param(String challenge, String name) {
        Matcher m = Pattern.compile("(?:^|[\\s,])" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|([^\\s,]+))",
                Pattern.CASE_INSENSITIVE).matcher(challenge);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }
}
