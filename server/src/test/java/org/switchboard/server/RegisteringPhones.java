package org.switchboard.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipResponse;

/**
 * Test support: many phones (one per user, one shared UDP socket) that register, or query their
 * bindings (RFC 3261 §10.2.3: a REGISTER without Contact), with digest authentication, keeping up
 * to a window of REGISTER transactions in flight. Unanswered requests are retransmitted every 500
 * ms (RFC 3261 §17.1.2.1, simplified). Used from one test thread.
 */
final class RegisteringPhones implements AutoCloseable {
    private static final long RETRANSMIT_NANOS = Duration.ofMillis(500).toNanos();
    private static final int WINDOW = 100;

    /** What one phone learnt from the 200 to its last REGISTER. */
    record Registered(String user, List<String> contacts, List<Integer> expires, long receivedAtMillis) {
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String domain;
    private final byte[] buffer = new byte[65_535];

    RegisteringPhones(InetSocketAddress server, String domain) throws IOException {
        this.server = server;
        this.domain = domain;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(4 << 20);
        socket.setSoTimeout(50);
    }

    /** The Contact URI a user registers: unique per user. */
    String contactOf(String user) {
        return "sip:" + user + "@127.0.0.1:" + socket.getLocalPort();
    }

    /**
     * Registers each user (password = {@code passwords.get(user)}) for {@code expires} seconds and
     * returns the 200s received, by user. Stops sending when {@code stopAfter} says so for the number
     * of 200s so far; then waits briefly for answers already on their way.
     *
     * @throws AssertionError if a REGISTER gets a final answer other than 401 and 200, or if the
     *     timeout passes before every user is registered (unless stopped)
     */
    Map<String, Registered> register(Map<String, String> passwords, int expires, IntPredicate stopAfter,
            Duration timeout) throws IOException {
        return run(passwords, "Contact: <%s>\r\nExpires: " + expires + "\r\n", stopAfter, timeout);
    }

    /** Queries the bindings of each user (a REGISTER without Contact); returns the 200s by user. */
    Map<String, Registered> query(Map<String, String> passwords, Duration timeout) throws IOException {
        return run(passwords, "", ok -> false, timeout);
    }

    private Map<String, Registered> run(Map<String, String> passwords, String extraHeaders, IntPredicate stopAfter,
            Duration timeout) throws IOException {
        Deque<Phone> waiting = new ArrayDeque<>();
        passwords.forEach((user, password) -> waiting.add(new Phone(user, password, extraHeaders)));
        Map<String, Phone> inFlight = new HashMap<>();
        Map<String, Registered> done = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean stopping = false;
        long stopDeadline = 0;
        while (!(waiting.isEmpty() && inFlight.isEmpty())) {
            if (stopping && System.nanoTime() > stopDeadline) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(done.size() + " of " + passwords.size() + " phones done within " + timeout);
            }
            while (!stopping && inFlight.size() < WINDOW && !waiting.isEmpty()) {
                Phone p = waiting.poll();
                inFlight.put(p.callId, p);
                p.send(null);
            }
            SipResponse r = receive();
            if (r != null && inFlight.containsKey(r.callId()) && r.isFinal()) {
                Phone p = inFlight.get(r.callId());
                if (r.cseq().number() != p.cseq) {
                    continue;
                }
                if (r.statusCode() == 401 && !stopping) {
                    p.send(r);
                } else if (r.statusCode() == 200) {
                    inFlight.remove(p.callId);
                    done.put(p.user, p.registered(r));
                    if (!stopping && stopAfter.test(done.size())) {
                        stopping = true;
                        stopDeadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
                    }
                } else if (!stopping) {
                    throw new AssertionError("REGISTER for " + p.user + " got " + r.statusCode() + " "
                            + r.reasonPhrase());
                }
            }
            if (!stopping) {
                long now = System.nanoTime();
                for (Phone p : inFlight.values()) {
                    if (now - p.sentAt > RETRANSMIT_NANOS) {
                        p.retransmit();
                    }
                }
            }
        }
        return done;
    }

    private SipResponse receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        ParseResult parsed = SipParser.parse(packet.getData(), 0, packet.getLength(), true);
        if (!parsed.isSuccess() || !(parsed.message() instanceof SipResponse r)) {
            throw new AssertionError("not a SIP response: " + parsed.error());
        }
        return r;
    }

    @Override
    public void close() {
        socket.close();
    }

    /** One user's REGISTER transaction in progress. */
    private final class Phone {
        final String user;
        final String password;
        final String extraHeaders;
        final String callId = UUID.randomUUID() + "@crash-test";
        long cseq;
        long sentAt;
        byte[] last;

        Phone(String user, String password, String extraHeaders) {
            this.user = user;
            this.password = password;
            this.extraHeaders = extraHeaders.formatted(contactOf(user));
        }

        /** Sends the next REGISTER, with credentials answering {@code challenge} if not null. */
        void send(SipResponse challenge) throws IOException {
            cseq++;
            String uri = "sip:" + domain;
            StringBuilder m = new StringBuilder()
                    .append("REGISTER ").append(uri).append(" SIP/2.0\r\n")
                    .append("Via: SIP/2.0/UDP 127.0.0.1:").append(socket.getLocalPort()).append(";branch=z9hG4bK")
                    .append(UUID.randomUUID().toString().replace("-", "")).append(";rport\r\n")
                    .append("Max-Forwards: 70\r\n")
                    .append("From: <sip:").append(user).append('@').append(domain).append(">;tag=").append(cseq)
                    .append("\r\n")
                    .append("To: <sip:").append(user).append('@').append(domain).append(">\r\n")
                    .append("Call-ID: ").append(callId).append("\r\n")
                    .append("CSeq: ").append(cseq).append(" REGISTER\r\n")
                    .append(extraHeaders);
            if (challenge != null) {
                m.append("Authorization: ").append(DigestAnswer.authorization(
                        challenge.headers().firstValue(HeaderName.WWW_AUTHENTICATE), "REGISTER", uri, user,
                        password, "c" + cseq)).append("\r\n");
            }
            m.append("Content-Length: 0\r\n\r\n");
            last = m.toString().getBytes(StandardCharsets.UTF_8);
            retransmit();
        }

        void retransmit() throws IOException {
            socket.send(new DatagramPacket(last, last.length, server));
            sentAt = System.nanoTime();
        }

        Registered registered(SipResponse ok) {
            List<String> contacts = new ArrayList<>();
            List<Integer> expires = new ArrayList<>();
            for (NameAddr c : ok.contacts()) {
                contacts.add(c.uri());
                expires.add(Integer.parseInt(c.params().get("expires")));
            }
            return new Registered(user, contacts, expires, System.currentTimeMillis());
        }
    }
}
