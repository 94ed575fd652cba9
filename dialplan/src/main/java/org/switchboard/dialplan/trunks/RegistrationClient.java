package org.switchboard.dialplan.trunks;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.spi.store.TrunkRegistration;
import org.switchboard.core.transaction.BranchGenerator;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.InboundMessage;

/**
 * One trunk's outbound registration: the server as a UAC registering at the provider (RFC 3261
 * §10.2). Each attempt resolves the first hop and the local address on the blocking executor, then
 * sends a REGISTER in its own client transaction; a 401/407 is answered with the trunk's
 * credentials (§22.2, RFC 7616/8760: MD5 or SHA-256, qop auth), and a later refresh sends them
 * preemptively with the nonce count increased (RFC 7616 §3.4), answering a new challenge should
 * the nonce have gone stale. A 423 takes the Min-Expires (§10.2.8). A granted registration is
 * refreshed by {@link Backoff#refresh}; a failure is retried by {@link Backoff#retry}. The Call-ID
 * stays the same for all of the trunk's registrations, across restarts and edits, and the CSeq only
 * increases (§10.2.4); both, with the status, are saved after each change.
 *
 * <p>Threading: attempts start on the plugins' scheduler, responses come on an event loop; the
 * state is guarded by this object and nothing here blocks but the work handed to the blocking
 * executor (name lookups, the store).
 */
final class RegistrationClient {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationClient.class);
    /** How long to wait for the SIP stack to start before the first attempt is tried again. */
    private static final Duration STACK_WAIT = Duration.ofSeconds(1);

    private final Trunk trunk;
    private final SipServices sip;
    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    private final Consumer<TrunkRegistration> saver;
    private final Clock clock;
    private final BranchGenerator branches = new BranchGenerator();
    private final String fromTag = UUID.randomUUID().toString().substring(0, 8);
    private final String callId;

    private long cseq;
    private int expiry;
    private int failures;
    private int challengesThisAttempt;
    private DigestChallenge challenge;
    private int nonceCount;
    private String answeredNonce;
    private InetSocketAddress firstHop;
    private String localHost;
    private int localPort;
    private ScheduledFuture<?> next;
    private boolean stopped;
    private boolean registered;
    private volatile TrunkRegistration status;

    /**
     * @param callId the Call-ID of the trunk's registrations so far, kept
     * @param cseq the last CSeq sent with it
     * @param saver saves a changed status; called on the blocking executor
     */
    RegistrationClient(Trunk trunk, String callId, long cseq, SipServices sip, ScheduledExecutorService scheduler,
            Executor blocking, Consumer<TrunkRegistration> saver, Clock clock) {
        this.trunk = trunk;
        this.callId = callId;
        this.cseq = cseq;
        this.sip = sip;
        this.scheduler = scheduler;
        this.blocking = blocking;
        this.saver = saver;
        this.clock = clock;
        this.expiry = trunk.config().expiry();
        this.status = new TrunkRegistration(trunk.name(), callId, cseq, "registering", null, clock.instant(), null);
    }

    /** A new Call-ID for a trunk that never registered (RFC 3261 §8.1.1.4: globally unique). */
    static String newCallId() {
        return UUID.randomUUID() + "@switchboard";
    }

    Trunk trunk() {
        return trunk;
    }

    TrunkRegistration status() {
        return status;
    }

    synchronized long cseq() {
        return cseq;
    }

    /** Registers now, and from then on as the responses say. */
    synchronized void start() {
        schedule(Duration.ZERO);
    }

    /**
     * Stops refreshing; with {@code unregister}, a registration in force is removed at the provider
     * (a REGISTER with Expires 0, §10.2.2), whose answer is not waited for.
     */
    synchronized void stop(boolean unregister) {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
        if (unregister && registered && firstHop != null) {
            expiry = 0;
            send();
        }
    }

    private void schedule(Duration in) {
        if (stopped) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::attempt, in.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the scheduler: the name lookups go to the blocking executor, then the REGISTER goes out. */
    private void attempt() {
        try {
            blocking.execute(this::resolveAndSend);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                schedule(STACK_WAIT); // the executor is saturated: a little later, not counted as a failure
            }
        }
    }

    private void resolveAndSend() {
        InetSocketAddress hop;
        String local;
        try {
            hop = new InetSocketAddress(InetAddress.getByName(trunk.firstHopHost()), trunk.firstHopPort());
            local = localAddressToward(hop);
        } catch (IOException e) {
            synchronized (this) {
                fail("cannot resolve " + trunk.firstHopHost() + ": " + e.getMessage());
            }
            return;
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            int port;
            try {
                port = sip.port(trunk.transport());
            } catch (IllegalStateException e) {
                schedule(STACK_WAIT); // the SIP stack has not started yet
                return;
            }
            firstHop = hop;
            localHost = local;
            localPort = port;
            challengesThisAttempt = 0;
            send();
        }
    }

    /**
     * The address of ours that the system routes toward {@code hop}, for Via and Contact: a
     * connected UDP socket sends nothing but has the route's source address.
     */
    private static String localAddressToward(InetSocketAddress hop) throws IOException {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(hop);
            return Addresses.host(probe.getLocalAddress());
        }
    }

    private void send() {
        cseq++;
        SipRequest register = request();
        TrunkRegistration sent = status;
        saveStatus(new TrunkRegistration(trunk.name(), callId, cseq, sent.state(), sent.reason(), sent.nextAttempt(),
                sent.expiresAt()));
        try {
            sip.sendRequest(register, Destination.of(trunk.transport(), firstHop), new Listener(cseq));
        } catch (IllegalStateException e) {
            schedule(STACK_WAIT); // the SIP stack is not running (yet, or any more)
        }
    }

    /** The REGISTER (RFC 3261 §10.2): To and From the account, our Contact at the socket we send from. */
    SipRequest request() {
        String transport = trunk.transport().viaName();
        SipRequest.Builder b = SipRequest.builder(SipMethod.REGISTER, trunk.registrarUri())
                .add(HeaderName.VIA, "SIP/2.0/" + transport + " " + localHost + ":" + localPort + ";branch="
                        + branches.newBranch() + ";rport")
                .add(HeaderName.MAX_FORWARDS, "70")
                .add(HeaderName.FROM, "<" + trunk.addressOfRecord() + ">;tag=" + fromTag)
                .add(HeaderName.TO, "<" + trunk.addressOfRecord() + ">")
                .add(HeaderName.CALL_ID, callId)
                .add(HeaderName.CSEQ, cseq + " " + SipMethod.REGISTER)
                .add(HeaderName.CONTACT, "<" + contactUri() + ">")
                .add(HeaderName.EXPIRES, Integer.toString(expiry));
        String route = trunk.proxyRoute();
        if (route != null) {
            b.add(HeaderName.ROUTE, route);
        }
        if (challenge != null) {
            nonceCount++;
            answeredNonce = challenge.nonce();
            b.add(challenge.proxy() ? HeaderName.PROXY_AUTHORIZATION : HeaderName.AUTHORIZATION,
                    DigestAnswer.header(challenge, trunk.config().username(), trunk.config().password(),
                            SipMethod.REGISTER, trunk.registrarUri(), nonceCount,
                            UUID.randomUUID().toString().replace("-", "")));
        }
        return b.build();
    }

    private String contactUri() {
        return "sip:" + trunk.contactUser() + "@" + localHost + ":" + localPort
                + (trunk.transport().isReliable() ? ";transport=tcp" : "");
    }

    private synchronized void onFinal(long sentCseq, SipResponse response) {
        if (stopped || sentCseq != cseq) {
            return; // an answer to an unregistration, or to a REGISTER since replaced
        }
        int code = response.statusCode();
        if (response.isSuccess()) {
            if (expiry == 0) {
                return;
            }
            onRegistered(granted(response));
        } else if (code == 401 || code == 407) {
            onChallenge(response);
        } else if (code == 423 && challengesThisAttempt++ < 2) {
            int min = intHeader(response, HeaderName.MIN_EXPIRES);
            if (min <= expiry) {
                fail("423 without a longer Min-Expires");
                return;
            }
            expiry = min; // §10.2.8
            send();
        } else {
            fail(code + " " + response.reasonPhrase());
        }
    }

    private void onChallenge(SipResponse response) {
        DigestChallenge offered = DigestChallenge.of(response);
        String why = null;
        if (offered == null) {
            why = "no Digest challenge with MD5 or SHA-256 and qop auth";
        } else if (trunk.config().realm() != null && !trunk.config().realm().equals(offered.realm())) {
            why = "challenged for realm '" + offered.realm() + "', the trunk's credentials are for '"
                    + trunk.config().realm() + "'";
        } else if (offered.nonce().equals(answeredNonce) || challengesThisAttempt >= 2) {
            why = "credentials refused";
        }
        if (why != null) {
            fail(response.statusCode() + " " + response.reasonPhrase() + " (" + why + ")");
            return;
        }
        challengesThisAttempt++;
        challenge = offered;
        nonceCount = 0;
        send();
    }

    /**
     * The expiry the registrar granted our contact: its {@code expires} parameter, else the Expires
     * header, else what we asked for (RFC 3261 §10.2.4).
     */
    private Duration granted(SipResponse response) {
        String ours = contactUri();
        for (NameAddr contact : response.contacts()) {
            String expires = contact.params().get("expires");
            if (expires != null && contact.uri().equalsIgnoreCase(ours)) {
                try {
                    return Duration.ofSeconds(Math.max(1, Integer.parseInt(expires.trim())));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        int header = intHeader(response, HeaderName.EXPIRES);
        return Duration.ofSeconds(header > 0 ? header : expiry);
    }

    private static int intHeader(SipResponse response, HeaderName name) {
        String value = response.header(name);
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void onRegistered(Duration granted) {
        registered = true;
        failures = 0;
        Instant now = clock.instant();
        Duration refresh = Backoff.refresh(granted);
        if (!"registered".equals(status.state())) {
            LOG.info("Trunk {}: registered at {} for {} s", trunk.name(), firstHop, granted.toSeconds());
        }
        saveStatus(new TrunkRegistration(trunk.name(), callId, cseq, "registered", null, now.plus(refresh),
                now.plus(granted)));
        schedule(refresh);
    }

    private void fail(String reason) {
        failures++;
        challenge = null;
        answeredNonce = null;
        Duration wait = Backoff.retry(failures, ThreadLocalRandom.current().nextDouble());
        LOG.warn("Trunk {}: registration at {}:{} failed: {}; retry {} in {} s", trunk.name(), trunk.firstHopHost(),
                trunk.firstHopPort(), reason, failures, wait.toSeconds());
        Instant now = clock.instant();
        TrunkRegistration was = status;
        Instant expiresAt = was.expiresAt() != null && was.expiresAt().isAfter(now) ? was.expiresAt() : null;
        registered = expiresAt != null;
        saveStatus(new TrunkRegistration(trunk.name(), callId, cseq, "failed", reason, now.plus(wait), expiresAt));
        schedule(wait);
    }

    private void saveStatus(TrunkRegistration changed) {
        status = changed;
        try {
            blocking.execute(() -> {
                try {
                    saver.accept(changed);
                } catch (RuntimeException e) {
                    LOG.warn("Trunk {}: cannot save the registration state ({})", trunk.name(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Trunk {}: the blocking executor is saturated; the state is saved with the next change",
                    trunk.name());
        }
    }

    /** The responses to one REGISTER. */
    private final class Listener implements ClientTransactionListener {
        private final long sentCseq;

        Listener(long sentCseq) {
            this.sentCseq = sentCseq;
        }

        @Override
        public void onResponse(ClientTransaction transaction, InboundMessage response) {
            SipResponse r = (SipResponse) response.message();
            if (r.isFinal()) {
                onFinal(sentCseq, r);
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            synchronized (RegistrationClient.this) {
                if (!stopped && sentCseq == cseq) {
                    fail("no response from " + transaction.destination().address());
                }
            }
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            synchronized (RegistrationClient.this) {
                if (!stopped && sentCseq == cseq) {
                    fail("cannot send to " + transaction.destination().address() + ": " + cause.getMessage());
                }
            }
        }

        @Override
        public void onTerminated(ClientTransaction transaction) {
            // the outcome was reported by one of the above
        }
    }
}
