package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * A scripted user agent for end-to-end proxy tests, over UDP or TCP on loopback: it sends what the
 * test tells it, and a reader thread queues what arrives so that the test can expect it with a
 * bounded wait. As a TCP callee it listens and takes the connection the proxy opens.
 */
final class TestUa implements AutoCloseable {
    private static final long WAIT_MILLIS = 5000;

    final String user;
    final Transport transport;
    private final InetSocketAddress proxy;
    /** The loopback address of the proxy's family: the UA talks IPv6 to a proxy on ::1. */
    private final InetAddress local;
    private final DatagramSocket udp;
    private final ServerSocket listener;
    private volatile Socket stream;
    private final BlockingQueue<SipMessage> inbox = new LinkedBlockingQueue<>();
    private final List<SipMessage> seen = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private volatile boolean closed;
    /** The domain of this UA's From; outside our domains by default, so that no authentication is asked. */
    volatile String fromDomain = "outside.test";

    private TestUa(String user, Transport transport, InetSocketAddress proxy, boolean connect) throws IOException {
        this.user = user;
        this.transport = transport;
        this.proxy = proxy;
        this.local = proxy.getAddress();
        if (transport == Transport.UDP) {
            udp = new DatagramSocket(new InetSocketAddress(local, 0));
            listener = null;
            reader = new Thread(this::readDatagrams, "ua-" + user);
        } else {
            udp = null;
            if (connect) {
                listener = null;
                Socket s = new Socket();
                s.connect(proxy, 2000);
                stream = s;
            } else {
                listener = new ServerSocket(0, 5, proxy.getAddress());
            }
            reader = new Thread(this::readStream, "ua-" + user);
        }
        reader.setDaemon(true);
        reader.start();
    }

    /** A UA on UDP that sends to {@code proxy}. */
    static TestUa udp(String user, InetSocketAddress proxy) throws IOException {
        return new TestUa(user, Transport.UDP, proxy, false);
    }

    /** A UA on TCP: {@code connect} opens a connection to the proxy, else it waits for the proxy's. */
    static TestUa tcp(String user, InetSocketAddress proxy, boolean connect) throws IOException {
        return new TestUa(user, Transport.TCP, proxy, connect);
    }

    /** The UDP port; for TCP the listening port, or the connection's port for a UA that connected. */
    int port() {
        return udp != null ? udp.getLocalPort() : listener != null ? listener.getLocalPort() : stream.getLocalPort();
    }

    boolean isIpv6() {
        return local instanceof Inet6Address;
    }

    /** Where this UA listens, as a Via sent-by. */
    String sentBy() {
        return uriHost() + ":" + port();
    }

    private String uriHost() {
        return local instanceof Inet6Address ? "[" + local.getHostAddress() + "]" : local.getHostAddress();
    }

    /** The Contact URI; for TCP the port the proxy reaches the UA at (its own connection's, if it connected). */
    String contact() {
        return "sip:" + user + "@" + uriHost() + ":" + port() + (transport == Transport.TCP ? ";transport=tcp" : "");
    }

    /** The flow a registration from this UA would have had. */
    Flow registrationFlow(InetSocketAddress proxyLocal) {
        return new Flow(transport, proxyLocal, new InetSocketAddress(local, port()), 0);
    }

    // ---- sending

    void send(String text) throws IOException {
        sendBytes(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void send(SipMessage message) throws IOException {
        sendBytes(message.encode());
    }

    private void sendBytes(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, proxy));
            return;
        }
        Socket s = stream;
        if (s == null) {
            throw new IllegalStateException(user + " has no connection to the proxy yet");
        }
        OutputStream out = s.getOutputStream();
        synchronized (this) {
            out.write(bytes);
            out.flush();
        }
    }

    /** A new request from this UA, e.g. an INVITE; {@code extra} header lines end in newlines. */
    String request(String method, String uri, String to, String callId, int cseq, String extra) {
        return method + " " + uri + " SIP/2.0\n"
                + "Via: SIP/2.0/" + transport.viaName() + " " + sentBy() + ";branch=z9hG4bK" + System.nanoTime()
                + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + user + "@" + fromDomain + ">;tag=" + user + "-tag\n"
                + "To: <" + to + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "Contact: <" + contact() + ">\n"
                + extra
                + "Content-Length: 0\n\n";
    }

    String invite(String uri, String callId) {
        return request("INVITE", uri, uri, callId, 1, "");
    }

    /**
     * An in-dialog request (ACK, BYE) after {@code dialogResponse}: to the remote target in its
     * Contact, by the route set of its Record-Route (reversed, as the caller's route set is).
     */
    String inDialog(String method, SipResponse dialogResponse, int cseq, boolean asCaller, SipRequest invite) {
        List<String> routes = new ArrayList<>(recordRoutes(asCaller ? dialogResponse : invite));
        if (asCaller) {
            Collections.reverse(routes);
        }
        String remoteTarget = asCaller ? dialogResponse.contacts().get(0).uri() : invite.contacts().get(0).uri();
        String from = asCaller ? dialogResponse.header(HeaderName.FROM) : dialogResponse.header(HeaderName.TO);
        String to = asCaller ? dialogResponse.header(HeaderName.TO) : dialogResponse.header(HeaderName.FROM);
        StringBuilder b = new StringBuilder()
                .append(method).append(' ').append(remoteTarget).append(" SIP/2.0\n")
                .append("Via: SIP/2.0/").append(transport.viaName()).append(' ').append(sentBy())
                .append(";branch=z9hG4bK").append(System.nanoTime()).append(";rport\n")
                .append("Max-Forwards: 70\n")
                .append("From: ").append(from).append('\n')
                .append("To: ").append(to).append('\n')
                .append("Call-ID: ").append(dialogResponse.callId()).append('\n')
                .append("CSeq: ").append(cseq).append(' ').append(method).append('\n');
        for (String route : routes) {
            b.append("Route: ").append(route).append('\n');
        }
        return b.append("Content-Length: 0\n\n").toString();
    }

    private static List<String> recordRoutes(SipMessage message) {
        return message.headers().values(HeaderName.RECORD_ROUTE);
    }

    /** Answers {@code request} (Record-Route and a Contact copied for dialog-creating answers). */
    SipResponse respond(SipRequest request, int status, String reason, String extraHeader) throws IOException {
        SipResponse.Builder b = SipResponse.builderFor(request, status, reason);
        if (status > 100) {
            b.toTag(user + "-totag");
        }
        if (request.isMethod("INVITE") && status > 100 && status < 300) {
            for (HeaderField rr : request.headers().all(HeaderName.RECORD_ROUTE)) {
                b.add(HeaderName.RECORD_ROUTE, rr.value());
            }
            b.add(HeaderName.CONTACT, "<" + contact() + ">");
        }
        if (extraHeader != null) {
            int colon = extraHeader.indexOf(':');
            b.add(HeaderName.of(extraHeader.substring(0, colon).trim()), extraHeader.substring(colon + 1).trim());
        }
        SipResponse response = b.build();
        send(response);
        return response;
    }

    // ---- receiving

    /** The next request of that method, skipping anything else (retransmissions, CANCEL answers). */
    SipRequest expectRequest(String method) throws InterruptedException {
        SipMessage m = await(msg -> msg instanceof SipRequest r && r.isMethod(method), WAIT_MILLIS);
        assertThat(m).as(user + " expected a " + method + "; saw " + summary()).isNotNull();
        return (SipRequest) m;
    }

    /** The next response with this status, skipping provisionals of another status; fails on another final. */
    SipResponse expectResponse(int status) throws InterruptedException {
        return expectResponse(status, WAIT_MILLIS);
    }

    SipResponse expectResponse(int status, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            SipMessage m = left > 0 ? inbox.poll(left, TimeUnit.MILLISECONDS) : null;
            assertThat(m).as(user + " expected a " + status + "; saw " + summary()).isNotNull();
            if (m instanceof SipResponse r) {
                if (r.statusCode() == status) {
                    return r;
                }
                if (r.isFinal() && !r.cseq().method().equals("CANCEL")) {
                    throw new AssertionError(user + " expected " + status + " but got " + r.statusCode() + " "
                            + r.reasonPhrase() + "; saw " + summary());
                }
            }
        }
    }

    /** Asserts that nothing matching arrives within {@code millis}. */
    void expectNoRequest(String method, long millis) throws InterruptedException {
        SipMessage m = await(msg -> msg instanceof SipRequest r && r.isMethod(method), millis);
        assertThat(m).as(user + " got an unexpected " + method).isNull();
    }

    /** Asserts that no such request of call {@code callId} arrives within {@code millis}. */
    void expectNoRequestInCall(String method, String callId, long millis) throws InterruptedException {
        SipMessage m = await(msg -> msg instanceof SipRequest r && r.isMethod(method) && r.callId().equals(callId),
                millis);
        assertThat(m).as(user + " got an unexpected " + method + " of " + callId).isNull();
    }

    private SipMessage await(java.util.function.Predicate<SipMessage> wanted, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            SipMessage m = inbox.poll(left, TimeUnit.MILLISECONDS);
            if (m == null) {
                return null;
            }
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    private String summary() {
        List<String> lines = new ArrayList<>();
        synchronized (seen) {
            for (SipMessage m : seen) {
                lines.add(m instanceof SipRequest r ? r.method() : Integer.toString(((SipResponse) m).statusCode()));
            }
        }
        return lines.toString();
    }

    /** Everything received so far. */
    List<SipMessage> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void deliver(byte[] raw) {
        var result = SipParser.parse(raw, 0, raw.length, udp != null);
        if (result.isSuccess()) {
            seen.add(result.message());
            inbox.add(result.message());
        }
    }

    private void readDatagrams() {
        byte[] buf = new byte[65536];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return;
            }
            deliver(Arrays.copyOf(buf, packet.getLength()));
        }
    }

    private void readStream() {
        try {
            if (stream == null) {
                stream = listener.accept();
            }
            InputStream in = stream.getInputStream();
            byte[] pending = new byte[0];
            byte[] buf = new byte[8192];
            while (!closed) {
                int headerEnd = SipParser.headerSectionEnd(pending, 0, pending.length);
                if (headerEnd > 0) {
                    int length = headerEnd + contentLength(new String(pending, 0, headerEnd, StandardCharsets.UTF_8));
                    if (pending.length >= length) {
                        deliver(Arrays.copyOf(pending, length));
                        pending = Arrays.copyOfRange(pending, length, pending.length);
                        continue;
                    }
                }
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                byte[] joined = Arrays.copyOf(pending, pending.length + n);
                System.arraycopy(buf, 0, joined, pending.length, n);
                pending = joined;
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("l")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (udp != null) {
            udp.close();
        }
        if (listener != null) {
            listener.close();
        }
        if (stream != null) {
            stream.close();
        }
    }
}
