package org.switchboard.nat.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nat.media.SessionDescriptionTest.address;
import static org.switchboard.nat.media.SessionDescriptionTest.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MediaRelayTest {
    private static final InetAddress RELAY = address("203.0.113.5");
    private static final InetSocketAddress CALLER_PRIVATE = new InetSocketAddress("192.168.1.20", 4000);
    private static final InetSocketAddress CALLER_PUBLIC = new InetSocketAddress("198.51.100.7", 61000);
    private static final InetSocketAddress CALLEE = new InetSocketAddress("192.0.2.30", 5000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("192.0.2.66", 7777);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FakeMediaSockets sockets = new FakeMediaSockets();
    private final RelayCounters counters = new RelayCounters();
    private final MediaRelay relay = new MediaRelay(sockets, new RelayPorts(new PortRange(20000, 20099)), counters,
            nanos::get, Duration.ofSeconds(10));

    @Test
    void offerAndAnswerNameThePortsFacingTheirReceiverAndPacketsFlowBothWays() {
        MediaCall call = relay.begin("call-1", "caller-tag");

        String offer = rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false);
        String answer = rewrite(call, Side.CALLEE, audio(CALLEE), true);

        int calleeFacing = port(offer);
        int callerFacing = port(answer);
        assertThat(offer).contains("c=IN IP4 203.0.113.5\r\n");
        assertThat(callerFacing).isNotEqualTo(calleeFacing);
        assertThat(relay.portsInUse()).isEqualTo(4);

        // the caller behind NAT sends from its public address: latched within the learning window
        sockets.deliver(callerFacing, CALLER_PUBLIC, rtp(1));
        sockets.deliver(calleeFacing, CALLEE, rtp(1));
        sockets.deliver(calleeFacing + 1, CALLEE, new byte[] {(byte) 0x80, (byte) 200, 0, 1});

        assertThat(sockets.sent).containsExactly(
                sent(calleeFacing, CALLEE), sent(callerFacing, CALLER_PUBLIC),
                sent(callerFacing + 1, new InetSocketAddress(CALLER_PRIVATE.getAddress(), 4001)));
        assertThat(counters.packetsRelayed()).isEqualTo(3);
    }

    @Test
    void aThirdAddressIsRefusedOnceASideIsLatched() {
        MediaCall call = relay.begin("call-2", "caller-tag");
        int calleeFacing = port(rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false));
        int callerFacing = port(rewrite(call, Side.CALLEE, audio(CALLEE), true));

        sockets.deliver(callerFacing, CALLER_PUBLIC, rtp(1));
        sockets.deliver(callerFacing, STRANGER, rtp(2));

        assertThat(sockets.sent).containsExactly(sent(calleeFacing, CALLEE));
        assertThat(counters.packetsFromStrangers()).isEqualTo(1);
    }

    @Test
    void afterTheLearningWindowOnlyTheSignalledAddressIsLatched() {
        MediaCall call = relay.begin("call-3", "caller-tag");
        rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false);
        int callerFacing = port(rewrite(call, Side.CALLEE, audio(CALLEE), true));
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());

        sockets.deliver(callerFacing, STRANGER, rtp(1));
        sockets.deliver(callerFacing, CALLER_PRIVATE, rtp(2));

        assertThat(counters.packetsFromStrangers()).isEqualTo(1);
        assertThat(counters.packetsRelayed()).isEqualTo(1);
    }

    @Test
    void reInviteForHoldReusesThePortsAndSendsToTheNewAddress() {
        MediaCall call = relay.begin("call-4", "caller-tag");
        int calleeFacing = port(rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false));
        int callerFacing = port(rewrite(call, Side.CALLEE, audio(CALLEE), true));
        InetSocketAddress calleeMoved = new InetSocketAddress("192.0.2.31", 5002);

        // the callee puts the call on hold from a new address; the caller answers recvonly
        String hold = rewrite(call, Side.CALLEE, audio(calleeMoved).replace("m=audio 5002 RTP/AVP 0\r\n",
                "m=audio 5002 RTP/AVP 0\r\na=sendonly\r\n"), false);
        String holdAnswer = rewrite(call, Side.CALLER, audio(CALLER_PRIVATE) + "a=recvonly\r\n", true);

        assertThat(port(hold)).isEqualTo(callerFacing);
        assertThat(hold).contains("a=sendonly\r\n");
        assertThat(port(holdAnswer)).isEqualTo(calleeFacing);
        assertThat(relay.portsInUse()).isEqualTo(4);
        sockets.deliver(callerFacing, CALLER_PRIVATE, rtp(1));
        assertThat(sockets.sent).containsExactly(sent(calleeFacing, calleeMoved));
    }

    @Test
    void forkedAnswersShareTheCallerFacingPortsAndTheLatestAnswerGetsTheMedia() {
        MediaCall call = relay.begin("call-5", "caller-tag");
        int calleeFacing = port(rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false));
        InetSocketAddress firstFork = new InetSocketAddress("192.0.2.41", 6000);
        InetSocketAddress secondFork = new InetSocketAddress("192.0.2.42", 6000);

        String early = rewrite(call, Side.CALLEE, audio(firstFork), true);
        String answer = rewrite(call, Side.CALLEE, audio(secondFork), true);

        assertThat(port(early)).isEqualTo(port(answer));
        sockets.deliver(port(answer), CALLER_PRIVATE, rtp(1));
        assertThat(sockets.sent).containsExactly(sent(calleeFacing, secondFork));
    }

    @Test
    void anAddedStreamGetsNewPortsAndARefusedOneNone() {
        MediaCall call = relay.begin("call-6", "caller-tag");
        String twoStreams = audio(CALLER_PRIVATE) + "m=video 4002 RTP/AVP 96\r\n";

        String offer = rewrite(call, Side.CALLER, twoStreams, false);
        String answer = rewrite(call, Side.CALLEE, audio(CALLEE) + "m=video 0 RTP/AVP 96\r\n", true);

        assertThat(offer).containsPattern("m=video 2\\d{4} RTP/AVP 96");
        assertThat(answer).contains("m=video 0 RTP/AVP 96\r\n");
        assertThat(relay.portsInUse()).isEqualTo(8);
    }

    @Test
    void releasingACallFreesItsPortsAndAnUnknownCallIsNothing() {
        MediaCall call = relay.begin("call-7", "caller-tag");
        rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false);
        rewrite(call, Side.CALLEE, audio(CALLEE), true);

        relay.release("call-7", "hung up");
        relay.release("call-7", "hung up");
        relay.release("never-seen", "hung up");

        assertThat(relay.portsInUse()).isZero();
        assertThat(sockets.openPorts()).isZero();
        assertThat(relay.find("call-7")).isNull();
    }

    @Test
    void anAnsweredCallWithoutMediaTimesOutAndAnUnansweredOneWaitsLonger() {
        MediaCall answered = relay.begin("answered", "caller-tag");
        rewrite(answered, Side.CALLER, audio(CALLER_PRIVATE), false);
        rewrite(answered, Side.CALLEE, audio(CALLEE), true);
        relay.answered("answered");
        MediaCall ringing = relay.begin("ringing", "caller-tag");
        rewrite(ringing, Side.CALLER, audio(CALLER_PRIVATE), false);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        relay.sweep(Duration.ofSeconds(60));

        assertThat(relay.find("answered")).isNull();
        assertThat(relay.find("ringing")).isNotNull();
        assertThat(counters.mediaTimeouts()).isEqualTo(1);

        nanos.addAndGet(MediaRelay.UNANSWERED_LIMIT.toNanos());
        relay.sweep(Duration.ofSeconds(60));
        assertThat(relay.calls()).isZero();
        assertThat(relay.portsInUse()).isZero();
    }

    @Test
    void packetsKeepAnAnsweredCallAlive() {
        MediaCall call = relay.begin("talking", "caller-tag");
        rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false);
        int callerFacing = port(rewrite(call, Side.CALLEE, audio(CALLEE), true));
        relay.answered("talking");

        nanos.addAndGet(Duration.ofSeconds(50).toNanos());
        sockets.deliver(callerFacing, CALLER_PRIVATE, rtp(1));
        nanos.addAndGet(Duration.ofSeconds(50).toNanos());
        relay.sweep(Duration.ofSeconds(60));

        assertThat(relay.find("talking")).isNotNull();
    }

    @Test
    void portsHeldByAnotherProgramAreSkippedAndAFullRangeLeavesTheSdpAlone() {
        sockets.holdElsewhere(20000);
        MediaRelay small = new MediaRelay(sockets, new RelayPorts(new PortRange(20000, 20005)), counters, nanos::get,
                Duration.ofSeconds(10));
        MediaCall first = small.begin("first", "caller-tag");

        String offer = rewrite(small, first, Side.CALLER, audio(CALLER_PRIVATE), false);
        MediaCall second = small.begin("second", "caller-tag");

        assertThat(port(offer)).isEqualTo(20004);
        assertThat(small.anchor(second, Side.CALLER, parse(audio(CALLER_PRIVATE)), RELAY, false)).isNull();
        assertThat(counters.portsExhausted()).isEqualTo(1);
    }

    @Test
    void tenThousandCallsLeaveNoPortTaken() {
        for (int i = 0; i < 10_000; i++) {
            String callId = "load-" + i;
            MediaCall call = relay.begin(callId, "caller-tag");
            rewrite(call, Side.CALLER, audio(CALLER_PRIVATE), false);
            rewrite(call, Side.CALLEE, audio(CALLEE), true);
            if (i % 3 == 0) {
                relay.answered(callId);
                nanos.addAndGet(Duration.ofSeconds(61).toNanos());
                relay.sweep(Duration.ofSeconds(60));
            } else {
                relay.release(callId, i % 3 == 1 ? "hung up" : "cancelled");
            }
        }

        assertThat(relay.portsInUse()).isZero();
        assertThat(sockets.openPorts()).isZero();
        assertThat(relay.calls()).isZero();
        assertThat(counters.callsRelayed()).isEqualTo(10_000);
    }

    private String rewrite(MediaCall call, Side from, String sdp, boolean answer) {
        return rewrite(relay, call, from, sdp, answer);
    }

    private static String rewrite(MediaRelay on, MediaCall call, Side from, String sdp, boolean answer) {
        byte[] out = on.anchor(call, from, parse(sdp), RELAY, answer);
        assertThat(out).as("anchored").isNotNull();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static SessionDescription parse(String sdp) {
        return SessionDescription.parse(sdp.getBytes(StandardCharsets.UTF_8));
    }

    private static String audio(InetSocketAddress at) {
        return sdp("v=0", "o=- 1 1 IN IP4 " + at.getAddress().getHostAddress(), "s=-",
                "c=IN IP4 " + at.getAddress().getHostAddress(), "t=0 0", "m=audio " + at.getPort() + " RTP/AVP 0");
    }

    private static int port(String sdp) {
        int at = sdp.indexOf("m=audio ") + "m=audio ".length();
        return Integer.parseInt(sdp.substring(at, sdp.indexOf(' ', at)));
    }

    private static byte[] rtp(int seq) {
        byte[] packet = new byte[172];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        return packet;
    }

    private FakeMediaSockets.Sent sent(int fromPort, InetSocketAddress to) {
        FakeMediaSockets.Sent match = sockets.sent.stream().filter(s -> s.fromPort() == fromPort && s.to().equals(to))
                .findFirst().orElse(null);
        return match != null ? match : new FakeMediaSockets.Sent(fromPort, to, null);
    }
}
