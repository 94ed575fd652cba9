package org.switchboard.testkit.phone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * A scripted SIP phone over a real socket, in the spirit of reSIProcate's TFM scenarios:
 * <pre>{@code
 * try (Phone alice = Phone.of("201", "example.com").password("secret").server(sip).open();
 *      Phone bob = Phone.of("202", "example.com").password("secret").server(sip).tcp().open()) {
 *     alice.register().expectChallenge().answer().expect(200);
 *     bob.register().expectChallenge().answer().expect(200);
 *     Call call = alice.call(bob);
 *     Incoming invite = bob.expect("INVITE").ring();
 *     call.expect(180);
 *     invite.answer();
 *     call.expect(200).ack();
 *     invite.expectAck();
 *     call.bye().expect(200);
 * }
 * }</pre>
 * Requests go to the server (the phone's outbound proxy) unless a script names another address.
 * What arrives waits in an inbox until a step takes it, so steps may be written in any order that
 * the protocol allows. Every wait ends after the phone's {@linkplain Builder#timeout timeout}
 * (generous: it bounds a failing test, it is no measure of speed). Raw escape hatches send exact
 * bytes ({@link #sendRaw}) and wait for anything ({@link #expect(Match)}, {@link #expectNothing}).
 * Used from one test thread; closing it closes its socket.
 */
public final class Phone implements AutoCloseable {
    private static final AtomicLong TAGS = new AtomicLong();

    private final String user;
    private final String domain;
    private final String password;
    private final InetSocketAddress server;
    private final Transport transport;
    private final Duration timeout;
    private final boolean retransmits;
    private final String contactParams;
    private final int expires;
    private final Inbox inbox = new Inbox();
    private final PhoneSocket socket;
    private final String registerCallId = UUID.randomUUID() + "@testkit";
    private final String fromTag = "t" + TAGS.incrementAndGet() + Long.toHexString(System.nanoTime());
    private long cseq;

    private Phone(Builder b) throws IOException {
        this.user = b.user;
        this.domain = b.domain;
        this.password = b.password;
        this.server = b.server;
        this.transport = b.transport;
        this.timeout = b.timeout;
        this.retransmits = b.retransmits;
        this.contactParams = b.contactParams;
        this.expires = b.expires;
        this.socket = PhoneSocket.open(transport, b.localAddress, inbox, b.multicastInterface, b.tls);
        if (socket instanceof PhoneSocket.Tcp tcp && server != null) {
            try {
                tcp.connectionTo(server);
            } catch (UncheckedIOException e) {
                // As a phone does, connect first and send on the open connection; a server that does
                // not listen (yet) is tried again at the first send, which then fails with the cause.
            }
        }
    }

    /** A phone of this user in this domain; set the server and open it. */
    public static Builder of(String user, String domain) {
        return new Builder(user, domain);
    }

    /** The user part of the phone's address of record. */
    public String user() {
        return user;
    }

    /** The domain of the phone's address of record. */
    public String domain() {
        return domain;
    }

    /** The address of record, {@code sip:user@domain}. */
    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    String password() {
        if (password == null) {
            throw new IllegalStateException("phone " + aor() + " has no password");
        }
        return password;
    }

    /** The phone's address as {@code host:port}, as in a Via sent-by (IPv6 in brackets). */
    public String sentBy() {
        return hostPort(localAddress());
    }

    /** Where the phone receives: the address in its Via and Contact. */
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    /** The server the phone sends to. */
    public InetSocketAddress server() {
        if (server == null) {
            throw new IllegalStateException("phone " + aor() + " was built without a server");
        }
        return server;
    }

    /** The phone's transport. */
    public Transport transport() {
        return transport;
    }

    /** The phone's Contact URI (without the Contact parameters it registers with). */
    public String contact() {
        return "sip:" + user + "@" + hostPort(localAddress()) + transport.uriParam();
    }

    Duration timeout() {
        return timeout;
    }

    boolean retransmits() {
        return retransmits;
    }

    PhoneSocket socket() {
        return socket;
    }

    // ---- registration (RFC 3261 §10.2)

    /** A REGISTER of the phone's Contact for its expiry (3600 s unless set). */
    public ClientTransaction register() {
        return register(expires);
    }

    /** A REGISTER of the phone's Contact for this many seconds. */
    public ClientTransaction register(int seconds) {
        return sendRequest(registerRequest().with("Contact", "<" + contact() + ">" + contactParams)
                .with("Expires", Integer.toString(seconds)), server());
    }

    /** A REGISTER removing the phone's Contact (Expires 0, RFC 3261 §10.2.2). */
    public ClientTransaction unregister() {
        return register(0);
    }

    /** A REGISTER without Contact, which asks for the current bindings (RFC 3261 §10.2.3). */
    public ClientTransaction queryBindings() {
        return sendRequest(registerRequest(), server());
    }

    private SipMessage registerRequest() {
        return SipMessage.request("REGISTER", "sip:" + domain)
                .withAdded("Via", via())
                .withAdded("Max-Forwards", "70")
                .withAdded("From", "<" + aor() + ">;tag=" + fromTag)
                .withAdded("To", "<" + aor() + ">")
                .withAdded("Call-ID", registerCallId)
                .withAdded("CSeq", ++cseq + " REGISTER");
    }

    // ---- calls

    /** An INVITE from this phone to another's address of record. */
    public Call call(Phone callee) {
        return call(callee.aor());
    }

    /** An INVITE from this phone to a URI, with an SDP offer. */
    public Call call(String targetUri) {
        return call(targetUri, UnaryOperator.identity());
    }

    /**
     * An INVITE from this phone to a URI, changed by the script before it is sent (a header added,
     * Max-Forwards lowered, credentials given in advance).
     */
    public Call call(String targetUri, UnaryOperator<SipMessage> change) {
        return new Call(this, targetUri, UUID.randomUUID() + "@testkit", newTag(), change);
    }

    /**
     * A request outside any dialog from this phone, not sent yet: a new Via, Max-Forwards 70, From
     * the phone's address of record with a new tag, To the URI, a new Call-ID, CSeq 1 and the
     * phone's Contact (RFC 3261 §8.1.1). Send it with {@link #send(SipMessage)}.
     */
    public SipMessage newRequest(String method, String uri) {
        return SipMessage.request(method, uri)
                .withAdded("Via", via())
                .withAdded("Max-Forwards", "70")
                .withAdded("From", "<" + aor() + ">;tag=" + newTag())
                .withAdded("To", "<" + uri + ">")
                .withAdded("Call-ID", UUID.randomUUID() + "@testkit")
                .withAdded("CSeq", "1 " + method)
                .withAdded("Contact", "<" + contact() + ">");
    }

    /** Every parsable message received so far, taken by a step or not, in arrival order. */
    public List<SipMessage> received() {
        return inbox.history().stream().map(Received::message).filter(Objects::nonNull).toList();
    }

    /**
     * Waits for a request with this method, skipping nothing: other messages stay in the inbox.
     *
     * @throws AssertionError if none arrives in time
     */
    public Incoming expect(String method) {
        return new Incoming(this, take(Match.request(method)));
    }

    // ---- raw escape hatches

    /** Sends these exact bytes to the server. */
    public Phone sendRaw(byte[] bytes) {
        return sendRaw(bytes, server());
    }

    /** Sends these exact bytes to an address (over TCP on a connection to it). */
    public Phone sendRaw(byte[] bytes, InetSocketAddress to) {
        socket.send(bytes, to);
        return this;
    }

    /** Sends this text, with its line ends made CRLF and nothing else changed, to the server. */
    public Phone sendRaw(String text) {
        return sendRaw(crlf(text).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends this text, with its line ends made CRLF and nothing else changed, to an address. */
    public Phone sendRaw(String text, InetSocketAddress to) {
        return sendRaw(crlf(text).getBytes(StandardCharsets.UTF_8), to);
    }

    /** Sends a message as it is, no transaction kept: for in-dialog ACKs, stray responses and the like. */
    public Phone send(SipMessage message, InetSocketAddress to) {
        return sendRaw(message.encode(), to);
    }

    /**
     * Sends a request as a client transaction, to be scripted further; Via, CSeq and the rest are
     * the script's (see {@link #newRequest} and {@link #via()}).
     */
    public ClientTransaction send(SipMessage request) {
        return sendRequest(request, server());
    }

    /** Sends a request as a client transaction to an address other than the server. */
    public ClientTransaction request(SipMessage request, InetSocketAddress to) {
        return sendRequest(request, to);
    }

    /** A request this phone took raw (by {@link #expect(Match)}), to be answered as an {@link Incoming}. */
    public Incoming incoming(Received request) {
        if (request.message() == null || !request.message().isRequest()) {
            throw new IllegalArgumentException("not a request: " + request);
        }
        return new Incoming(this, request);
    }

    /** Waits for a parsable message matching, leaving others in the inbox; fails if none in time. */
    public Received expect(Match match) {
        return take(match);
    }

    /** Waits for a message matching for this long at most; fails if none. */
    public Received expect(Match match, Duration wait) {
        Received r = takeOrNull(match, wait);
        if (r == null) {
            throw new AssertionError("no " + match.description() + " at " + aor() + " within " + wait + "; unread: "
                    + unread());
        }
        return r;
    }

    /**
     * The next parsable message, whatever it is, waiting this long at most; fails naming {@code
     * what} if none comes. For scripts that check each message in the order the server sends them.
     */
    public Received next(String what, Duration wait) {
        Received r = takeOrNull(Match.any(), wait);
        if (r == null) {
            throw new AssertionError("no " + what + " at " + this + " within " + wait);
        }
        return r;
    }

    /** Asserts that no parsable message matching arrives within the duration. */
    public Phone expectNothing(Match match, Duration duration) {
        Received r = takeOrNull(match, duration);
        if (r != null) {
            throw new AssertionError("expected no " + match.description() + " at " + aor() + " for " + duration
                    + " but got\n" + r.text());
        }
        return this;
    }

    /** Waits for anything, parsable or not, for this long at most; {@code null} if nothing came. */
    public Received poll(Duration wait) {
        try {
            return inbox.take(r -> true, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A new top Via of this phone with a fresh branch (RFC 3261 §8.1.1.7) and rport (RFC 3581). */
    public String via() {
        return "SIP/2.0/" + transport.viaToken() + " " + hostPort(localAddress()) + ";branch=z9hG4bK"
                + UUID.randomUUID().toString().replace("-", "") + ";rport";
    }

    /** A new local tag (RFC 3261 §19.3). */
    public static String newTag() {
        return "t" + TAGS.incrementAndGet() + Long.toHexString(System.nanoTime());
    }

    // ---- internals shared with transactions and calls

    ClientTransaction sendRequest(SipMessage request, InetSocketAddress to) {
        return new ClientTransaction(this, request, to);
    }

    /** The request again with the next CSeq and a new branch (RFC 3261 §8.1.3.5, §22.2). */
    SipMessage nextRequest(SipMessage previous) {
        long next = previous.callId().equals(registerCallId) ? ++cseq : previous.cseq() + 1;
        return previous.without("Authorization").without("Proxy-Authorization").with("Via", via())
                .with("CSeq", next + " " + previous.method());
    }

    Received take(Match match) {
        return expect(match, timeout);
    }

    Received take(Match match, Duration wait) {
        return takeOrNull(match, wait);
    }

    private Received takeOrNull(Match match, Duration wait) {
        try {
            return inbox.take(r -> r.message() != null && match.test(r.message()), wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What is in the inbox, for failure messages. */
    String unread() {
        List<Received> left = inbox.snapshot();
        return left.isEmpty() ? "nothing" : left.size() + " message(s):\n" + left;
    }

    static String hostPort(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        String host = a.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The address a SIP URI names: host and port, 5060 by default (RFC 3263 is not consulted). */
    static InetSocketAddress addressOf(String uri) {
        String rest = uri.replaceFirst("^sips?:", "");
        rest = rest.substring(rest.indexOf('@') + 1);
        int end = rest.length();
        for (char c : new char[] {';', '?', '>'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String hostPort = rest.substring(0, end);
        String host;
        int port = 5060;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = hostPort.substring(1, close);
            if (hostPort.length() > close + 1) {
                port = Integer.parseInt(hostPort.substring(close + 2));
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            }
        }
        return new InetSocketAddress(host, port);
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return aor() + " at " + transport + " " + hostPort(localAddress());
    }

    /** How a phone is set up. Not thread-safe. */
    public static final class Builder {
        private final String user;
        private final String domain;
        private String password;
        private InetSocketAddress server;
        private Transport transport = Transport.UDP;
        private InetAddress localAddress = InetAddress.getLoopbackAddress();
        private Duration timeout = Duration.ofSeconds(10);
        private boolean retransmits = true;
        private String contactParams = "";
        private int expires = 3600;
        private NetworkInterface multicastInterface;
        private SSLContext tls;

        private Builder(String user, String domain) {
            this.user = Objects.requireNonNull(user);
            this.domain = Objects.requireNonNull(domain);
        }

        /** The password for digest answers. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The server to send to. */
        public Builder server(InetSocketAddress server) {
            this.server = server;
            return this;
        }

        /** UDP (the default) or TCP; TLS with {@link #tls(SSLContext)}, which gives its context. */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /** TCP instead of UDP. */
        public Builder tcp() {
            return transport(Transport.TCP);
        }

        /**
         * TLS instead of UDP, with this context: its trust managers check the server's certificate,
         * its key managers (if any) give the phone's client certificate.
         */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context);
            return transport(Transport.TLS);
        }

        /** The local address to bind (loopback by default), port chosen by the system. */
        public Builder localAddress(InetAddress address) {
            this.localAddress = address;
            return this;
        }

        /** How long any step waits before it fails (10 s by default). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Whether requests over UDP are re-sent while unanswered (yes by default). */
        public Builder retransmits(boolean retransmits) {
            this.retransmits = retransmits;
            return this;
        }

        /** Parameters after the Contact's angle bracket, such as {@code ;+sip.instance="<urn:…>"}. */
        public Builder contactParams(String params) {
            this.contactParams = params;
            return this;
        }

        /** The Expires a plain {@link Phone#register()} asks for (3600 s by default). */
        public Builder expires(int seconds) {
            this.expires = seconds;
            return this;
        }

        /**
         * Sends multicast out of this interface, looped back to this host, TTL 1 (a UDP phone
         * looking for plug-and-play on the LAN, RFC 6080 §4.1).
         */
        public Builder multicastOn(NetworkInterface nif) {
            this.multicastInterface = nif;
            return this;
        }

        /** Opens the phone's socket. */
        public Phone open() {
            try {
                return new Phone(this);
            } catch (IOException e) {
                throw new UncheckedIOException("opening a phone socket", e);
            }
        }
    }
}
