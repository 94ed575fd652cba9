package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transaction.HeapProbe;
import org.switchboard.core.transaction.ManualShard;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transaction.TransactionKind;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transaction.TransactionLimits;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

/**
 * The heap a call through the stateful proxy keeps once caller and callee are done with it, while its
 * transactions still wait out their timers (Accepted with Timers L and M, Completed with Timers J and
 * K, Confirmed with Timer I): each call as the authenticated SIPp benchmark makes it (INVITE, 407,
 * ACK, INVITE with credentials, 100, 180, 200 with SDP, ACK, BYE, 200), every message parsed from its
 * own bytes, through the real request chain, transaction layer and proxy on a manual clock. Then
 * every timer fires, and nothing of the calls may be left: no transaction, no proxy context, no call
 * being followed, no heap. The figure goes to docs/performance.md.
 */
class ProxyCallHeapTest {
    private static final int WARM_UP_CALLS = 2_000;
    private static final int CALLS = 20_000;
    /**
     * Measured 14,346 bytes while the proxy kept its contexts until the transactions ended, 11,441 once
     * the INVITEs kept for CANCEL went with their final response, and 2,994 once the contexts went too.
     */
    private static final long LIMIT_BYTES_PER_CALL = 4_000;
    /**
     * Left over per call once every timer has fired: nothing (0 bytes measured). The tables and timer
     * queues give back the capacity the 20,000 calls grew them to (they kept 88 bytes per call before
     * they did); the limit leaves room for the heap probe's noise.
     */
    private static final long LIMIT_BYTES_PER_CALL_AFTER = 20;
    /** Longer than every timer of a call: Timer C (181 s), ring timeout, 64*T1, Timers D and K. */
    private static final long AFTER_EVERY_TIMER_MILLIS = 200_000;
    private static final InetSocketAddress PROXY = new InetSocketAddress("192.0.2.1", 5060);
    private static final InetSocketAddress CALLER = new InetSocketAddress("192.0.2.10", 5061);
    private static final InetSocketAddress CALLEE = new InetSocketAddress("192.0.2.20", 5062);
    private static final String CALLEE_CONTACT = "sip:bob@192.0.2.20:5062";
    private static final String SDP = "v=0\r\n"
            + "o=user 53655765 2353687637 IN IP4 192.0.2.10\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 6000 RTP/AVP 8 0 101\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n";

    private final ManualClock clock = new ManualClock();
    private final Wire wire = new Wire();
    private final ProxyFixture.Location location = new ProxyFixture.Location();
    private final ProxyFixture.Domains domains = new ProxyFixture.Domains();
    private TransactionLayer layer;
    private StatefulProxy proxy;

    @Test
    void aFinishedCallKeepsLittleHeapAndNothingOnceItsTimersFired() throws Exception {
        start();
        runCalls(0, WARM_UP_CALLS);
        clock.advance(AFTER_EVERY_TIMER_MILLIS);
        assertNothingLeft();
        long before = HeapProbe.usedAfterGc();

        runCalls(WARM_UP_CALLS, CALLS);
        long during = HeapProbe.usedAfterGc() - before;
        assertThat(active(TransactionKind.INVITE_SERVER)).as("INVITE server transactions: 407'd and answered")
                .isEqualTo(2L * CALLS);
        assertThat(layer.counters().completedKept()).as("BYE server transactions' 200s kept off the heap")
                .isEqualTo(CALLS);

        clock.advance(AFTER_EVERY_TIMER_MILLIS);
        assertNothingLeft();
        long after = HeapProbe.usedAfterGc() - before;

        System.out.printf("%d calls through the proxy retain %.1f MB of heap while their transactions wait out"
                + " their timers (%d bytes per call), %d bytes per call once every timer fired%n", CALLS,
                during / 1048576.0, during / CALLS, after / CALLS);
        assertThat(during / CALLS).as("bytes retained per finished call").isLessThan(LIMIT_BYTES_PER_CALL);
        assertThat(after / CALLS).as("bytes left per call after every timer")
                .isLessThan(LIMIT_BYTES_PER_CALL_AFTER);
    }

    private void start() throws Exception {
        ManualShard shard = new ManualShard(clock);
        location.add("bob", new RegisteredContact(CALLEE_CONTACT, 1.0, List.of(),
                new Flow(Transport.UDP, PROXY, CALLEE, 0), Instant.now().plusSeconds(3600), null, 0));
        domains.users.add("bob");
        ProxyServices services = ProxyServices.local(domains, location)
                .withAuthenticator(new ProxyFixture.FakeAuthenticator())
                .withDns(new ProxyFixture.Dns())
                .withSettings(ProxySettings.DEFAULTS.withUnavailableHostTtl(Duration.ZERO));
        proxy = new StatefulProxy(services, new LocalAddresses(Set.of(PROXY.getHostString()), Set.of(PROXY.getPort())),
                List.of(new ListenPoint(Transport.UDP, PROXY)), wire, () -> layer, Runnable::run, Runnable::run,
                Clock.systemUTC());
        RequestChain chain = proxy.chain(ServerCapabilities.defaults(), List.of());
        layer = new TransactionLayer(List.of(shard), wire, TimerSettings.DEFAULTS,
                new TransactionLimits(10 * (WARM_UP_CALLS + CALLS), 5), proxy.transactionUser(chain, "Switchboard"));
    }

    private void runCalls(int first, int count) {
        for (int i = first; i < first + count; i++) {
            call(i);
        }
    }

    /** One call from caller {@code i} to bob, as the SIPp benchmark scenarios make it. */
    private void call(int i) {
        String callId = i + "-4711@" + CALLER.getHostString();
        String fromTag = i + "SIPpTag001";
        String user = "caller" + (i % 1000);
        String to = "<sip:bob@" + ProxyFixture.DOMAIN + ">";

        String challenged = "z9hG4bK-" + i + "-1";
        fromCaller(invite(user, callId, fromTag, challenged, 1, ""));
        SipResponse challenge = wire.response(407);
        fromCaller(request("ACK sip:bob@" + ProxyFixture.DOMAIN, challenged, user, fromTag,
                challenge.header(HeaderName.TO), callId, "1 ACK", "", ""));

        fromCaller(invite(user, callId, fromTag, "z9hG4bK-" + i + "-2", 2,
                "Proxy-Authorization: Digest username=\"" + user + "\",realm=\"" + ProxyFixture.DOMAIN
                        + "\",uri=\"sip:bob@" + ProxyFixture.DOMAIN + "\",nonce=\"n1\","
                        + "response=\"0123456789abcdef0123456789abcdef\",algorithm=MD5\r\n"));
        SipRequest forwarded = wire.request("INVITE");
        fromCallee(answer(forwarded, 100, null));
        fromCallee(answer(forwarded, 180, null));
        wire.response(180);
        fromCallee(answer(forwarded, 200, SDP));
        wire.response(200);

        String calleeTo = to + ";tag=bob-" + i;
        String route = "Route: " + forwarded.header(HeaderName.RECORD_ROUTE) + "\r\n";
        fromCaller(request("ACK " + CALLEE_CONTACT, "z9hG4bK-" + i + "-3", user, fromTag, calleeTo, callId,
                "2 ACK", route, ""));
        wire.request("ACK");
        fromCaller(request("BYE " + CALLEE_CONTACT, "z9hG4bK-" + i + "-4", user, fromTag, calleeTo, callId,
                "3 BYE", route, ""));
        fromCallee(answer(wire.request("BYE"), 200, null));
        wire.response(200);
    }

    private static String invite(String user, String callId, String fromTag, String branch, int cseq,
            String credentials) {
        return request("INVITE sip:bob@" + ProxyFixture.DOMAIN, branch, user, fromTag,
                "<sip:bob@" + ProxyFixture.DOMAIN + ">", callId, cseq + " INVITE",
                credentials + "Contact: <sip:" + user + "@" + CALLER.getHostString() + ":" + CALLER.getPort()
                        + ">\r\nContent-Type: application/sdp\r\n", SDP);
    }

    private static String request(String startLine, String branch, String user, String fromTag, String to,
            String callId, String cseq, String extra, String body) {
        return startLine + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + CALLER.getHostString() + ":" + CALLER.getPort() + ";branch=" + branch
                + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + ProxyFixture.DOMAIN + ">;tag=" + fromTag + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + "\r\n"
                + extra
                + "Content-Length: " + body.length() + "\r\n\r\n"
                + body;
    }

    /** The callee's response, with a Contact and the Record-Route for the 2xx that sets up the dialog. */
    private static SipResponse answer(SipRequest request, int status, String sdp) {
        SipResponse.Builder b = SipResponse.builderFor(request, status, status == 200 ? "OK" : "Ringing");
        if (request.isMethod("INVITE") && status > 100) {
            b.toTag("bob-" + request.callId().substring(0, request.callId().indexOf('-')));
            b.add(HeaderName.CONTACT, "<" + CALLEE_CONTACT + ">");
            for (HeaderField rr : request.headers().all(HeaderName.RECORD_ROUTE)) {
                b.add(HeaderName.RECORD_ROUTE, rr.value());
            }
        }
        if (sdp != null) {
            b.body(sdp.getBytes(StandardCharsets.US_ASCII), "application/sdp");
        }
        return b.build();
    }

    private void fromCaller(String text) {
        layer.onMessage(new InboundMessage(parse(text.getBytes(StandardCharsets.US_ASCII)),
                new Flow(Transport.UDP, PROXY, CALLER, 0), 0));
    }

    private void fromCallee(SipResponse response) {
        layer.onMessage(new InboundMessage(parse(response.encode()), new Flow(Transport.UDP, PROXY, CALLEE, 0), 0));
    }

    private static SipMessage parse(byte[] bytes) {
        return SipParser.parse(bytes, 0, bytes.length, true).message();
    }

    private void assertNothingLeft() {
        for (TransactionKind kind : TransactionKind.values()) {
            assertThat(active(kind)).as("active " + kind).isZero();
        }
        assertThat(proxy.invitesInProgress()).as("INVITEs a CANCEL could find").isZero();
        assertThat(proxy.callRecorder().activeCalls()).as("calls followed for call records").isZero();
        assertThat(clock.pendingTimers()).as("timers").isZero();
        assertThat(layer.counters().completedKept()).as("final responses kept for retransmissions").isZero();
    }

    private long active(TransactionKind kind) {
        return layer.counters().active(kind);
    }

    /**
     * The network as the calls' two ends see it: what the proxy sends is encoded, and the last request
     * and response are kept parsed from those bytes, for the script to check and answer.
     */
    private static final class Wire implements SipSender {
        private SipRequest lastRequest;
        private SipResponse lastResponse;

        @Override
        public void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError) {
            lastRequest = (SipRequest) parse(request.encode());
        }

        @Override
        public EncodedResponse encodeResponse(SipResponse response, Flow requestFlow) {
            return EncodedResponse.routed(response.encode(), response.statusCode(), response.callId(),
                    Destination.of(requestFlow.transport(), requestFlow.remote()), requestFlow.local());
        }

        @Override
        public void sendResponse(EncodedResponse response, TransportErrorListener onError) {
            lastResponse = (SipResponse) parse(response.bytes());
        }

        SipRequest request(String method) {
            SipRequest r = lastRequest;
            lastRequest = null;
            assertThat(r).as("a " + method + " sent by the proxy").isNotNull();
            assertThat(r.method()).isEqualTo(method);
            return r;
        }

        SipResponse response(int status) {
            SipResponse r = lastResponse;
            lastResponse = null;
            assertThat(r).as("a " + status + " sent by the proxy").isNotNull();
            assertThat(r.statusCode()).isEqualTo(status);
            return r;
        }
    }
}
