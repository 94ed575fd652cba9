package org.switchboard.testkit.phone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.switchboard.testkit.sip.DigestAnswer;
import org.switchboard.testkit.sip.SipMessage;

/**
 * Many phones behind one UDP socket (an office behind one address), one per user, that register
 * or query their bindings (RFC 3261 §10.2.3: a REGISTER without Contact) with digest
 * authentication, keeping up to a window of REGISTER transactions in flight. Unanswered requests
 * are re-sent every 500 ms (RFC 3261 §17.1.2.1, simplified). For tests that need hundreds of
 * registrations, such as crash recovery; a single scripted phone is {@link Phone}. Used from one
 * test thread.
 */
public final class PhoneCrowd implements AutoCloseable {
    private static final long RETRANSMIT_NANOS = Duration.ofMillis(500).toNanos();
    private static final int WINDOW = 100;

    /**
     * What one phone learnt from the 200 to its last REGISTER.
     *
     * @param user the user
     * @param contacts the Contact URIs of the 200
     * @param expires each contact's expires parameter
     * @param receivedAtMillis when the 200 arrived, wall-clock milliseconds
     */
    public record Registered(String user, List<String> contacts, List<Integer> expires, long receivedAtMillis) {
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String domain;
    private final byte[] buffer = new byte[65_535];

    /** A crowd on a loopback socket, sending to the server, registering in the domain. */
    public PhoneCrowd(InetSocketAddress server, String domain) {
        this.server = server;
        this.domain = domain;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(4 << 20);
            socket.setSoTimeout(50);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the crowd's socket", e);
        }
    }

    /** The Contact URI a user registers: unique per user. */
    public String contactOf(String user) {
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
    public Map<String, Registered> register(Map<String, String> passwords, int expires, IntPredicate stopAfter,
            Duration timeout) {
        return run(passwords, true, expires, stopAfter, timeout);
    }

    /** Queries the bindings of each user (a REGISTER without Contact); returns the 200s by user. */
    public Map<String, Registered> query(Map<String, String> passwords, Duration timeout) {
        return run(passwords, false, 0, ok -> false, timeout);
    }

    private Map<String, Registered> run(Map<String, String> passwords, boolean withContact, int expires,
            IntPredicate stopAfter, Duration timeout) {
        Deque<Member> waiting = new ArrayDeque<>();
        passwords.forEach((user, password) -> waiting.add(new Member(user, password, withContact, expires)));
        Map<String, Member> inFlight = new HashMap<>();
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
                Member p = waiting.poll();
                inFlight.put(p.callId, p);
                p.send(null);
            }
            SipMessage r = receive();
            if (r != null && inFlight.containsKey(r.callId()) && r.isFinal()) {
                Member p = inFlight.get(r.callId());
                if (r.cseq() != p.cseq) {
                    continue;
                }
                if (r.status() == 401 && !stopping) {
                    p.send(r);
                } else if (r.status() == 200) {
                    inFlight.remove(p.callId);
                    done.put(p.user, p.registered(r));
                    if (!stopping && stopAfter.test(done.size())) {
                        stopping = true;
                        stopDeadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
                    }
                } else if (!stopping) {
                    throw new AssertionError("REGISTER for " + p.user + " got " + r.startLine());
                }
            }
            if (!stopping) {
                long now = System.nanoTime();
                for (Member p : inFlight.values()) {
                    if (now - p.sentAt > RETRANSMIT_NANOS) {
                        p.retransmit();
                    }
                }
            }
        }
        return done;
    }

    private SipMessage receive() {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SipMessage m;
        try {
            m = SipMessage.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("not a SIP response: " + e.getMessage(), e);
        }
        if (m.isRequest()) {
            throw new AssertionError("not a SIP response: " + m.startLine());
        }
        return m;
    }

    private void send(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    /** One user's REGISTER transaction in progress. */
    private final class Member {
        final String user;
        final String password;
        final boolean withContact;
        final int expires;
        final String callId = UUID.randomUUID() + "@crowd";
        long cseq;
        long sentAt;
        byte[] last;

        Member(String user, String password, boolean withContact, int expires) {
            this.user = user;
            this.password = password;
            this.withContact = withContact;
            this.expires = expires;
        }

        /** Sends the next REGISTER, with credentials answering {@code challenge} if not null. */
        void send(SipMessage challenge) {
            cseq++;
            String uri = "sip:" + domain;
            SipMessage m = SipMessage.request("REGISTER", uri)
                    .withAdded("Via", "SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK"
                            + UUID.randomUUID().toString().replace("-", "") + ";rport")
                    .withAdded("Max-Forwards", "70")
                    .withAdded("From", "<sip:" + user + "@" + domain + ">;tag=" + cseq)
                    .withAdded("To", "<sip:" + user + "@" + domain + ">")
                    .withAdded("Call-ID", callId)
                    .withAdded("CSeq", cseq + " REGISTER");
            if (withContact) {
                m = m.withAdded("Contact", "<" + contactOf(user) + ">").withAdded("Expires", Integer.toString(expires));
            }
            if (challenge != null) {
                m = m.withAdded("Authorization", DigestAnswer.authorization(challenge.requireHeader("WWW-Authenticate"),
                        "REGISTER", uri, user, password, "c" + cseq));
            }
            last = m.encode();
            retransmit();
        }

        void retransmit() {
            PhoneCrowd.this.send(last);
            sentAt = System.nanoTime();
        }

        Registered registered(SipMessage ok) {
            List<String> contacts = new ArrayList<>();
            List<Integer> expiries = new ArrayList<>();
            for (String c : ok.headerValues("Contact")) {
                contacts.add(SipMessage.uriOf(c));
                expiries.add(Integer.parseInt(SipMessage.param(c, "expires").orElseThrow()));
            }
            return new Registered(user, contacts, expiries, System.currentTimeMillis());
        }
    }
}
