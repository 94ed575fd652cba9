package org.switchboard.nat.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionDescriptionTest {
    private static final InetAddress RELAY = address("203.0.113.5");

    @Test
    void offerGetsTheRelayAddressAndPortsAndLosesItsIceAttributes() {
        String offer = sdp(
                "v=0",
                "o=alice 2890844526 2890844526 IN IP4 192.168.1.20",
                "s=-",
                "c=IN IP4 192.168.1.20",
                "t=0 0",
                "a=ice-options:trickle",
                "m=audio 49170 RTP/AVP 0 8 101",
                "a=rtpmap:0 PCMU/8000",
                "a=rtcp:49171 IN IP4 192.168.1.20",
                "a=ice-ufrag:8hhY",
                "a=ice-pwd:asd88fgpdd777uzjYhagZg",
                "a=candidate:1 1 UDP 2130706431 192.168.1.20 49170 typ host",
                "a=candidate:2 1 UDP 1694498815 198.51.100.7 61665 typ srflx raddr 192.168.1.20 rport 49170",
                "a=end-of-candidates",
                "a=sendrecv");

        SessionDescription parsed = parse(offer);

        assertThat(parsed.streams()).containsExactly(new SessionDescription.Stream(0, 49170,
                address("192.168.1.20"), 49171));
        assertThat(text(parsed.rewritten(RELAY, new int[] {20002}))).isEqualTo(sdp(
                "v=0",
                "o=alice 2890844526 2890844526 IN IP4 192.168.1.20",
                "s=-",
                "c=IN IP4 203.0.113.5",
                "t=0 0",
                "m=audio 20002 RTP/AVP 0 8 101",
                "a=rtpmap:0 PCMU/8000",
                "a=rtcp:20003 IN IP4 203.0.113.5",
                "a=sendrecv"));
    }

    @Test
    void answerWithMediaLevelConnectionsAndTwoStreamsRewritesEach() {
        String answer = sdp(
                "v=0",
                "o=bob 1 1 IN IP4 198.51.100.9",
                "s=-",
                "t=0 0",
                "m=audio 5004 RTP/AVP 0",
                "c=IN IP4 198.51.100.9",
                "m=video 5006 RTP/AVP 96",
                "c=IN IP4 198.51.100.10",
                "a=rtpmap:96 H264/90000");

        SessionDescription parsed = parse(answer);

        assertThat(parsed.streams()).extracting(SessionDescription.Stream::rtp).containsExactly(
                new InetSocketAddress("198.51.100.9", 5004), new InetSocketAddress("198.51.100.10", 5006));
        assertThat(text(parsed.rewritten(RELAY, new int[] {20010, 20014}))).isEqualTo(sdp(
                "v=0",
                "o=bob 1 1 IN IP4 198.51.100.9",
                "s=-",
                "t=0 0",
                "m=audio 20010 RTP/AVP 0",
                "c=IN IP4 203.0.113.5",
                "m=video 20014 RTP/AVP 96",
                "c=IN IP4 203.0.113.5",
                "a=rtpmap:96 H264/90000"));
    }

    @Test
    void holdKeepsItsDirectionAndAnOldStyleHoldAddressStays() {
        String sendonly = sdp("v=0", "o=a 1 2 IN IP4 10.0.0.2", "s=-", "c=IN IP4 10.0.0.2", "t=0 0",
                "m=audio 4000 RTP/AVP 0", "a=sendonly");
        String rfc2543 = sdp("v=0", "o=a 1 3 IN IP4 10.0.0.2", "s=-", "c=IN IP4 0.0.0.0", "t=0 0",
                "m=audio 4000 RTP/AVP 0", "a=inactive");

        assertThat(text(parse(sendonly).rewritten(RELAY, new int[] {20000}))).isEqualTo(sdp("v=0",
                "o=a 1 2 IN IP4 10.0.0.2", "s=-", "c=IN IP4 203.0.113.5", "t=0 0", "m=audio 20000 RTP/AVP 0",
                "a=sendonly"));
        SessionDescription held = parse(rfc2543);
        assertThat(held.streams().get(0).rtp()).as("nothing to send to on hold").isNull();
        assertThat(text(held.rewritten(RELAY, new int[] {20000}))).isEqualTo(sdp("v=0", "o=a 1 3 IN IP4 10.0.0.2",
                "s=-", "c=IN IP4 0.0.0.0", "t=0 0", "m=audio 20000 RTP/AVP 0", "a=inactive"));
    }

    @Test
    void refusedStreamKeepsPortZero() {
        String answer = sdp("v=0", "o=b 1 1 IN IP4 10.0.0.3", "s=-", "c=IN IP4 10.0.0.3", "t=0 0",
                "m=audio 4000 RTP/AVP 0", "m=video 0 RTP/AVP 96", "a=rtcp:9");

        SessionDescription parsed = parse(answer);

        assertThat(parsed.streams().get(1).rtp()).isNull();
        assertThat(text(parsed.rewritten(RELAY, new int[] {20000, 0}))).isEqualTo(sdp("v=0",
                "o=b 1 1 IN IP4 10.0.0.3", "s=-", "c=IN IP4 203.0.113.5", "t=0 0", "m=audio 20000 RTP/AVP 0",
                "m=video 0 RTP/AVP 96", "a=rtcp:9"));
    }

    @Test
    void ipv6OfferToAnIpv4PhoneGetsAnIpv4RelayAddress() {
        String offer = sdp("v=0", "o=c 1 1 IN IP6 2001:db8::20", "s=-", "c=IN IP6 2001:db8::20", "t=0 0",
                "m=audio 6000 RTP/AVP 0");

        SessionDescription parsed = parse(offer);

        assertThat(parsed.streams().get(0).rtp()).isEqualTo(new InetSocketAddress("2001:db8::20", 6000));
        assertThat(text(parsed.rewritten(RELAY, new int[] {20004}))).isEqualTo(sdp("v=0",
                "o=c 1 1 IN IP6 2001:db8::20", "s=-", "c=IN IP4 203.0.113.5", "t=0 0", "m=audio 20004 RTP/AVP 0"));
        assertThat(text(parse(sdp("v=0", "o=d 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0",
                "m=audio 6000 RTP/AVP 0")).rewritten(address("2001:db8::1"), new int[] {20006})))
                .contains("c=IN IP6 2001:db8:0:0:0:0:0:1\r\n", "m=audio 20006 RTP/AVP 0\r\n");
    }

    @Test
    void srtpCryptoAttributesAndProfilePassUntouched() {
        String offer = sdp("v=0", "o=e 1 1 IN IP4 10.1.1.1", "s=-", "c=IN IP4 10.1.1.1", "t=0 0",
                "m=audio 7000 RTP/SAVP 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32");

        assertThat(text(parse(offer).rewritten(RELAY, new int[] {20008}))).contains("m=audio 20008 RTP/SAVP 0\r\n",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32\r\n");
    }

    @Test
    void malformedDescriptionsAreRefused() {
        assertThatThrownBy(() -> parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse(sdp("v=0", "c=IN IP4 example.com", "m=audio 1 RTP/AVP 0")))
                .hasMessageContaining("no IP address");
        assertThatThrownBy(() -> parse(sdp("v=0", "c=IN IP4 10.0.0.1", "m=audio 99999 RTP/AVP 0")))
                .hasMessageContaining("out of range");
    }

    static String sdp(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SessionDescription parse(String text) {
        return SessionDescription.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
