package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transaction.IgnoringTransactionUser;
import org.switchboard.core.transaction.LossyNetwork;
import org.switchboard.core.transaction.ManualShard;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transaction.TransactionKind;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transaction.TransactionLimits;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

/**
 * Authenticated calls through the stateful proxy on a {@link LossyNetwork}, as the SIPp loss benchmark
 * makes them (INVITE, 407, ACK, INVITE with credentials, 100, 180, 200, ACK, 1 s, BYE, 200), between a
 * caller and a callee that behave as RFC 3261 user agents: their own transaction layers retransmit,
 * the callee retransmits its 2xx until the ACK (§13.3.1.4) and the caller acknowledges every 2xx. The
 * network loses 10 % of the datagrams, duplicates 5 % and delays each copy up to 150 ms. Every call
 * must be set up and hung up, the callee must see each INVITE and BYE once (retransmissions are never
 * forwarded as new requests), and once every timer has fired the proxy must hold nothing of the calls.
 */
class ProxyUnderLossTest {
    private static final int CALLS = 300;
    /** Longer than every timer of a call: Timer C (181 s), the ring timeout, 64*T1, Timers D and K. */
    private static final long AFTER_EVERY_TIMER_MILLIS = 200_000;
    private static final InetSocketAddress PROXY = new InetSocketAddress("192.0.2.1", 5060);
    private static final InetSocketAddress CALLER = new InetSocketAddress("192.0.2.10", 5061);
    private static final InetSocketAddress CALLEE = new InetSocketAddress("192.0.2.20", 5062);
    private static final String CALLEE_CONTACT = "sip:bob@192.0.2.20:5062";
    private static final Destination TO_PROXY = Destination.of(Transport.UDP, PROXY);
    private static final TimerSettings TIMERS = TimerSettings.DEFAULTS;

    private final ManualClock clock = new ManualClock();
    private final ProxyFixture.Location location = new ProxyFixture.Location();
    private final ProxyFixture.Domains domains = new ProxyFixture.Domains();
    private TransactionLayer proxyLayer;
    private StatefulProxy proxy;

    private final Set<Integer> hungUp = new HashSet<>();
    private final List<String> callerFailures = new ArrayList<>();
    private final Map<Integer, Integer> trying = new HashMap<>();
    private final Map<Integer, Integer> invitesAtCallee = new HashMap<>();
    private final Map<Integer, Integer> byesAtCallee = new HashMap<>();
    private final Set<Integer> ackedAtCallee = new HashSet<>();
    private boolean calleeAnswers = true;
    private boolean callerAcknowledges = true;
    private long hangUpAfterMillis = 1000;

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void everyCallIsSetUpAndHungUpOnceDespiteLossDuplicationAndReordering(long seed) {
        LossyNetwork network = new LossyNetwork(clock, seed, 0.10, 0.05, 150);
        Caller caller = startAll(network);

        for (int i = 0; i < CALLS; i++) {
            caller.call(i);
            clock.advance(10);
        }
        clock.advance(AFTER_EVERY_TIMER_MILLIS);

        assertThat(network.lost()).as("datagrams lost").isPositive();
        assertThat(callerFailures).as("calls that failed at the caller").isEmpty();
        assertThat(hungUp).as("calls answered and hung up").hasSize(CALLS);
        assertThat(invitesAtCallee).hasSize(CALLS).allSatisfy((call, times) -> assertThat(times)
                .as("INVITEs of call " + call + " forwarded as new requests").isEqualTo(1));
        assertThat(byesAtCallee).hasSize(CALLS).allSatisfy((call, times) -> assertThat(times)
                .as("BYEs of call " + call + " forwarded as new requests").isEqualTo(1));
        assertThat(ackedAtCallee).as("calls whose 2xx the callee saw acknowledged").hasSize(CALLS);
        assertNothingLeftInTheProxy();
    }

    @Test
    void aForwardedInviteIsAnswered100TryingAtOnceBeforeTheCalleeAnswers() {
        LossyNetwork perfect = new LossyNetwork(clock, 1, 0, 0, 0);
        Caller caller = startAll(perfect);
        calleeAnswers = false;

        caller.call(0);
        clock.advance(0);

        assertThat(invitesAtCallee).containsEntry(0, 1);
        assertThat(trying).as("100 Trying for the authenticated INVITE, sent with no time passed").containsEntry(0, 1);
    }

    @Test
    void aCallWhoseCallerNeverAcknowledgesTheAnswerIsRecordedAndForgotten() {
        LossyNetwork perfect = new LossyNetwork(clock, 1, 0, 0, 0);
        Caller caller = startAll(perfect);
        callerAcknowledges = false;

        caller.call(0);
        clock.advance(AFTER_EVERY_TIMER_MILLIS);
        assertThat(proxy.callRecorder().activeCalls()).as("answered, not yet swept").isEqualTo(1);

        assertThat(proxy.callRecorder().sweep()).isEqualTo(1);
        assertThat(proxy.callRecorder().activeCalls()).isZero();
    }

    @Test
    void anAcknowledgedCallIsFollowedUntilItsByeEvenWhenTheSweepRuns() {
        LossyNetwork perfect = new LossyNetwork(clock, 1, 0, 0, 0);
        Caller caller = startAll(perfect);

        hangUpAfterMillis = 60_000;

        caller.call(0);
        clock.advance(40_000); // answered and acknowledged, longer ago than 64*T1
        assertThat(ackedAtCallee).contains(0);
        assertThat(proxy.callRecorder().sweep()).isZero();
        assertThat(proxy.callRecorder().activeCalls()).isEqualTo(1);

        clock.advance(30_000);
        assertThat(hungUp).contains(0);
        assertThat(proxy.callRecorder().activeCalls()).isZero();
    }

    private Caller startAll(LossyNetwork network) {
        ManualShard proxyShard = new ManualShard(clock);
        location.add("bob", new RegisteredContact(CALLEE_CONTACT, 1.0, List.of(),
                new Flow(Transport.UDP, PROXY, CALLEE, 0), Instant.now().plusSeconds(3600), null, 0));
        domains.users.add("bob");
        ProxyServices services = ProxyServices.local(domains, location)
                .withAuthenticator(new ProxyFixture.FakeAuthenticator())
                .withDns(new ProxyFixture.Dns())
                .withSettings(ProxySettings.DEFAULTS.withUnavailableHostTtl(Duration.ofSeconds(30)));
        SipSender proxySender = network.attach(PROXY, message -> proxyLayer.onMessage(message));
        try {
            LocalAddresses local = new LocalAddresses(Set.of(PROXY.getHostString()), Set.of(PROXY.getPort()));
            proxy = new StatefulProxy(services, local, List.of(new ListenPoint(Transport.UDP, PROXY)), proxySender,
                    () -> proxyLayer, Runnable::run, Runnable::run, clock);
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
        RequestChain chain = proxy.chain(ServerCapabilities.defaults(), List.of());
        proxyLayer = new TransactionLayer(List.of(proxyShard), proxySender, TIMERS, new TransactionLimits(100_000, 5),
                proxy.transactionUser(chain, "Switchboard"));

        Callee callee = new Callee(new ManualShard(clock));
        callee.layer = new TransactionLayer(List.of(callee.shard),
                network.attach(CALLEE, message -> callee.layer.onMessage(message)), TIMERS, TransactionLimits.DEFAULTS,
                callee);
        Caller caller = new Caller(new ManualShard(clock));
        caller.sender = network.attach(CALLER, message -> caller.layer.onMessage(message));
        caller.layer = new TransactionLayer(List.of(caller.shard), caller.sender, TIMERS, TransactionLimits.DEFAULTS,
                caller);
        return caller;
    }

    private void assertNothingLeftInTheProxy() {
        for (TransactionKind kind : TransactionKind.values()) {
            assertThat(proxyLayer.counters().active(kind)).as("active " + kind).isZero();
        }
        assertThat(proxyLayer.counters().completedKept()).as("final responses kept").isZero();
        assertThat(proxyLayer.counters().completedEvictedEarly()).isZero();
        assertThat(proxyLayer.counters().rejectedByLimit()).isZero();
        assertThat(proxy.invitesInProgress()).as("INVITEs a CANCEL could find").isZero();
        assertThat(proxy.callRecorder().activeCalls()).as("calls followed for call records").isZero();
    }

    private static int callOf(String callId) {
        return Integer.parseInt(callId.substring(0, callId.indexOf('-')));
    }

    /** A caller as an RFC 3261 UAC: authenticates on 407, acknowledges every 2xx, hangs up after 1 s. */
    private final class Caller extends IgnoringTransactionUser {
        final ManualShard shard;
        TransactionLayer layer;
        SipSender sender;
        private final Map<Integer, SipRequest> acks = new HashMap<>();

        Caller(ManualShard shard) {
            this.shard = shard;
        }

        void call(int i) {
            shard.execute(() -> layer.sendRequest(invite(i, 1, ""), TO_PROXY, new Listener(i, "INVITE 1") {
                @Override
                void onFinal(SipResponse response) {
                    if (response.statusCode() != 407) {
                        fail(response.statusCode() + " to the first INVITE");
                        return;
                    }
                    layer.sendRequest(invite(i, 2, "Proxy-Authorization: Digest username=\"caller" + i
                            + "\",realm=\"" + ProxyFixture.DOMAIN + "\",uri=\"sip:bob@" + ProxyFixture.DOMAIN
                            + "\",nonce=\"n1\",response=\"0123456789abcdef0123456789abcdef\",algorithm=MD5\r\n"),
                            TO_PROXY, new Listener(i, "INVITE 2") {
                                @Override
                                void onProvisional(SipResponse response) {
                                    if (response.statusCode() == 100) {
                                        trying.merge(i, 1, Integer::sum);
                                    }
                                }

                                @Override
                                void onFinal(SipResponse response) {
                                    if (response.isSuccess()) {
                                        answered(i, response);
                                    } else {
                                        fail(response.statusCode() + " to the authenticated INVITE");
                                    }
                                }
                            });
                }
            }));
        }

        /** §13.2.2.4: every 2xx is acknowledged; the first one also sets up the hang-up. */
        void answered(int i, SipResponse ok) {
            if (!callerAcknowledges) {
                return;
            }
            boolean first = !acks.containsKey(i);
            SipRequest ack = acks.computeIfAbsent(i, c -> inDialog(i, ok, SipMethod.ACK, 2, "-ack"));
            sender.sendRequest(ack, TO_PROXY, SipSender.TransportErrorListener.IGNORE);
            if (first) {
                shard.schedule(() -> layer.sendRequest(inDialog(i, ok, SipMethod.BYE, 3, "-bye"), TO_PROXY,
                        new Listener(i, "BYE") {
                            @Override
                            void onFinal(SipResponse response) {
                                if (response.statusCode() == 200) {
                                    hungUp.add(i);
                                } else {
                                    fail(response.statusCode() + " to the BYE");
                                }
                            }
                        }), hangUpAfterMillis);
            }
        }

        @Override
        public void onStrayResponse(InboundMessage inbound) {
            SipResponse response = (SipResponse) inbound.message();
            // a 2xx retransmitted after the INVITE's client transaction ended (RFC 6026 §7.2)
            if (response.isSuccess() && SipMethod.INVITE.equals(response.cseq().method())) {
                answered(callOf(response.callId()), response);
            }
        }

        @Override
        public void onRequest(ServerTransaction transaction, InboundMessage request) {
            callerFailures.add("caller got a request: " + transaction.method());
        }

        @Override
        public void onAck(InboundMessage ack) {
            callerFailures.add("caller got an ACK");
        }
    }

    /** A callee as an RFC 3261 UAS: rings, answers 100 ms later, retransmits the 2xx until the ACK. */
    private final class Callee extends IgnoringTransactionUser {
        final ManualShard shard;
        TransactionLayer layer;

        Callee(ManualShard shard) {
            this.shard = shard;
        }

        @Override
        public void onRequest(ServerTransaction transaction, InboundMessage inbound) {
            SipRequest request = (SipRequest) inbound.message();
            int i = callOf(request.callId());
            if (request.isMethod(SipMethod.INVITE)) {
                invitesAtCallee.merge(i, 1, Integer::sum);
                if (!calleeAnswers) {
                    return;
                }
                transaction.sendResponse(answer(request, 180));
                SipResponse ok = answer(request, 200);
                shard.schedule(() -> retransmitUntilAcked(transaction, ok, i, TIMERS.t1Millis(), 0), 100);
            } else if (request.isMethod(SipMethod.BYE)) {
                byesAtCallee.merge(i, 1, Integer::sum);
                transaction.sendResponse(answer(request, 200));
            }
        }

        /** §13.3.1.4: the 2xx again at T1, doubling up to T2, until the ACK or 64*T1. */
        private void retransmitUntilAcked(ServerTransaction transaction, SipResponse ok, int i, long interval,
                long elapsed) {
            if (ackedAtCallee.contains(i) || elapsed >= TIMERS.transactionTimeoutMillis()) {
                return;
            }
            transaction.sendResponse(ok);
            shard.schedule(() -> retransmitUntilAcked(transaction, ok, i, Math.min(2 * interval, TIMERS.t2Millis()),
                    elapsed + interval), interval);
        }

        @Override
        public void onAck(InboundMessage ack) {
            ackedAtCallee.add(callOf(ack.message().callId()));
        }
    }

    /** One client transaction of the caller: a final response, or a failure of the call. */
    private abstract class Listener implements ClientTransactionListener {
        private final int call;
        private final String what;
        private boolean finalSeen;

        Listener(int call, String what) {
            this.call = call;
            this.what = what;
        }

        void onProvisional(SipResponse response) {
        }

        abstract void onFinal(SipResponse response);

        void fail(String why) {
            callerFailures.add("call " + call + ": " + why);
        }

        @Override
        public void onResponse(ClientTransaction transaction, InboundMessage inbound) {
            SipResponse response = (SipResponse) inbound.message();
            if (response.isProvisional()) {
                onProvisional(response);
            } else if (!finalSeen || response.isSuccess()) {
                finalSeen = true;
                onFinal(response);
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            fail(what + " timed out");
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            fail(what + ": " + cause);
        }

        @Override
        public void onTerminated(ClientTransaction transaction) {
        }
    }

    private static SipRequest invite(int i, int cseq, String credentials) {
        return request("INVITE sip:bob@" + ProxyFixture.DOMAIN, "z9hG4bK-" + i + "-" + cseq, i,
                "<sip:bob@" + ProxyFixture.DOMAIN + ">", cseq + " INVITE",
                credentials + "Contact: <sip:caller@" + CALLER.getHostString() + ":" + CALLER.getPort() + ">\r\n");
    }

    /** An ACK or BYE in the dialog the 2xx set up: to its Contact, through its Record-Route. */
    private static SipRequest inDialog(int i, SipResponse ok, String method, int cseq, String branchSuffix) {
        String route = "Route: " + ok.header(HeaderName.RECORD_ROUTE) + "\r\n";
        return request(method + " " + CALLEE_CONTACT, "z9hG4bK-" + i + branchSuffix, i, ok.header(HeaderName.TO),
                cseq + " " + method, route);
    }

    private static SipRequest request(String startLine, String branch, int i, String to, String cseq, String extra) {
        String text = startLine + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + CALLER.getHostString() + ":" + CALLER.getPort() + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller" + i + "@" + ProxyFixture.DOMAIN + ">;tag=caller-" + i + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + i + "-loss@" + CALLER.getHostString() + "\r\n"
                + "CSeq: " + cseq + "\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return (SipRequest) SipParser.parse(bytes, 0, bytes.length, true).message();
    }

    /** The callee's response, with its To tag, Contact and the Record-Route of a dialog-creating INVITE. */
    private static SipResponse answer(SipRequest request, int status) {
        SipResponse.Builder b = SipResponse.builderFor(request, status, status == 200 ? "OK" : "Ringing");
        if (request.isMethod(SipMethod.INVITE)) {
            b.toTag("bob-" + callOf(request.callId()));
            b.add(HeaderName.CONTACT, "<" + CALLEE_CONTACT + ">");
            for (HeaderField rr : request.headers().all(HeaderName.RECORD_ROUTE)) {
                b.add(HeaderName.RECORD_ROUTE, rr.value());
            }
        }
        return b.build();
    }
}
