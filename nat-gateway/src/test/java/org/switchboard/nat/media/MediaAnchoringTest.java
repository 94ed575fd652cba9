package org.switchboard.nat.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.nat.media.SessionDescriptionTest.address;
import static org.switchboard.nat.media.SessionDescriptionTest.sdp;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.nat.detect.NatDetector;
import org.switchboard.nat.detect.NatMode;
import org.switchboard.nat.detect.NatSettings;

class MediaAnchoringTest {
    private static final InetSocketAddress SERVER_V4 = new InetSocketAddress("198.51.100.1", 5060);
    private static final InetSocketAddress CALLER = new InetSocketAddress("198.51.100.50", 5060);
    private static final InetSocketAddress CALLEE_V6 = new InetSocketAddress("2001:db8::30", 5060);
    private static final Flow TOWARD_CALLER = new Flow(Transport.UDP, SERVER_V4, CALLER, 0);

    private final AtomicLong nanos = new AtomicLong();
    private final FakeMediaSockets sockets = new FakeMediaSockets();
    private final MediaRelay relay = new MediaRelay(sockets, new RelayPorts(new PortRange(20000, 20099)),
            new RelayCounters(), nanos::get, Duration.ofSeconds(10));

    @Test
    void alwaysAnchorsAndBridgesAnIpv4CallerToAnIpv6Callee() {
        MediaAnchoring anchoring = anchoring(NatMode.ALWAYS, "");

        SipRequest offer = anchoring.onRequest(invite("[2001:db8::1]:5060", "caller-tag", null,
                audio("IP4", "198.51.100.50", 4000)), Destination.of(Transport.UDP, CALLEE_V6));
        SipResponse answer = anchoring.onResponse(ok("caller-tag", "callee-tag",
                audio("IP6", "2001:db8::30", 6000)), TOWARD_CALLER);

        assertThat(body(offer)).isEqualTo(audio("IP6", "2001:db8:0:0:0:0:0:1", 20002));
        assertThat(body(answer)).isEqualTo(audio("IP4", "198.51.100.1", 20000));
        assertThat(relay.portsInUse()).isEqualTo(4);
    }

    @Test
    void aReInviteFromTheCalleeIsRewrittenWithThePortsFacingTheCaller() {
        MediaAnchoring anchoring = anchoring(NatMode.ALWAYS, "");
        anchoring.onRequest(invite("198.51.100.1:5060", "caller-tag", null, audio("IP4", "198.51.100.50", 4000)),
                Destination.of(Transport.UDP, new InetSocketAddress("198.51.100.60", 5060)));
        anchoring.onResponse(ok("caller-tag", "callee-tag", audio("IP4", "198.51.100.60", 6000)), TOWARD_CALLER);

        // in the callee's re-INVITE the From tag is the callee's (RFC 3261 §12.2.1.1)
        SipRequest hold = anchoring.onRequest(invite("198.51.100.1:5060", "callee-tag", "caller-tag",
                audio("IP4", "198.51.100.60", 6000) + "a=sendonly\r\n"), Destination.of(Transport.UDP, CALLER));

        assertThat(body(hold)).isEqualTo(audio("IP4", "198.51.100.1", 20000) + "a=sendonly\r\n");
        assertThat(relay.portsInUse()).isEqualTo(4);
    }

    @Test
    void autoLeavesACallBetweenPublicPhonesAloneAndAnchorsAnOfferOfAPrivateAddress() {
        MediaAnchoring anchoring = anchoring(NatMode.AUTO, "");
        String publicOffer = audio("IP4", "198.51.100.50", 4000);
        String privateOffer = audio("IP4", "192.168.1.20", 4000);

        SipRequest untouched = anchoring.onRequest(invite("198.51.100.1:5060", "tag-1", null, publicOffer),
                Destination.of(Transport.UDP, new InetSocketAddress("198.51.100.60", 5060)));
        SipRequest anchored = anchoring.onRequest(withCallId(invite("198.51.100.1:5060", "tag-2", null, privateOffer),
                "call-2"), Destination.of(Transport.UDP, new InetSocketAddress("198.51.100.60", 5060)));

        assertThat(body(untouched)).isEqualTo(publicOffer);
        assertThat(body(anchored)).isEqualTo(audio("IP4", "198.51.100.1", 20002));
    }

    @Test
    void neverLeavesEvenAPrivateOfferAlone() {
        MediaAnchoring anchoring = anchoring(NatMode.NEVER, "");
        String privateOffer = audio("IP4", "192.168.1.20", 4000);

        SipRequest untouched = anchoring.onRequest(invite("198.51.100.1:5060", "tag-1", null, privateOffer),
                Destination.of(Transport.UDP, new InetSocketAddress("198.51.100.60", 5060)));

        assertThat(body(untouched)).isEqualTo(privateOffer);
        assertThat(relay.calls()).isZero();
    }

    @Test
    void theExternalAddressIsPutInTheSdpOfItsFamily() {
        MediaAnchoring anchoring = anchoring(NatMode.ALWAYS, "203.0.113.9");

        SipRequest offer = anchoring.onRequest(invite("10.0.0.1:5060", "caller-tag", null,
                audio("IP4", "10.0.0.50", 4000)),
                Destination.of(Transport.UDP, new InetSocketAddress("10.0.0.60", 5060)));

        assertThat(body(offer)).isEqualTo(audio("IP4", "203.0.113.9", 20002));
    }

    @Test
    void aMalformedSdpGoesOnUnchanged() {
        MediaAnchoring anchoring = anchoring(NatMode.ALWAYS, "");
        String broken = "v=0\r\nc=IN IP4 pbx.example\r\nm=audio 4000 RTP/AVP 0\r\n";

        SipRequest offer = anchoring.onRequest(invite("198.51.100.1:5060", "caller-tag", null, broken),
                Destination.of(Transport.UDP, new InetSocketAddress("198.51.100.60", 5060)));

        assertThat(body(offer)).isEqualTo(broken);
    }

    private MediaAnchoring anchoring(NatMode mode, String external) {
        RtpSettings settings = new RtpSettings(mode, "20000-20099", external, Duration.ofSeconds(60));
        return new MediaAnchoring(relay, new NatDetector(), NatSettings.SECTION::defaults, () -> settings,
                Map.of(MediaAnchoring.InetAddressFamily.IPV4, address("198.51.100.1")), 100);
    }

    private static String audio(String family, String address, int port) {
        return sdp("v=0", "o=- 1 1 IN IP4 192.0.2.99", "s=-", "c=IN " + family + " " + address, "t=0 0",
                "m=audio " + port + " RTP/AVP 0");
    }

    private static SipRequest invite(String ourVia, String fromTag, String toTag, String sdp) {
        return (SipRequest) parse("INVITE sip:callee@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + ourVia + ";branch=z9hG4bK-proxy\r\n"
                + "Via: SIP/2.0/UDP 198.51.100.50:5060;branch=z9hG4bK-phone\r\n"
                + "Max-Forwards: 69\r\n"
                + "From: <sip:caller@example.com>;tag=" + fromTag + "\r\n"
                + "To: <sip:callee@example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: call-1\r\n"
                + "CSeq: " + (toTag == null ? 1 : 2) + " INVITE\r\n"
                + "Contact: <sip:caller@198.51.100.50>\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    private static SipRequest withCallId(SipRequest request, String callId) {
        return request.toBuilder().set(org.switchboard.core.message.HeaderName.CALL_ID, callId).build();
    }

    private static SipResponse ok(String fromTag, String toTag, String sdp) {
        return (SipResponse) parse("SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 198.51.100.50:5060;branch=z9hG4bK-phone\r\n"
                + "From: <sip:caller@example.com>;tag=" + fromTag + "\r\n"
                + "To: <sip:callee@example.com>;tag=" + toTag + "\r\n"
                + "Call-ID: call-1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:callee@198.51.100.60>\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    private static SipMessage parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ParseResult result = SipParser.parse(bytes, 0, bytes.length, true);
        if (!result.isSuccess()) {
            throw new IllegalArgumentException(result.error());
        }
        return result.message();
    }

    private static String body(SipMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }
}
