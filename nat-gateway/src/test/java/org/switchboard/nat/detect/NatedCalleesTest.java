package org.switchboard.nat.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

class NatedCalleesTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("198.51.100.1", 5060);
    private static final InetSocketAddress PUBLIC = new InetSocketAddress("203.0.113.9", 40123);
    private static final Flow FLOW = new Flow(Transport.UDP, SERVER, PUBLIC, 0);
    private static final Destination HOP = Destination.of(Transport.UDP, PUBLIC);

    private final NatedCallees callees = new NatedCallees(2);

    private static SipResponse answer(String callId, String contactHostPort) {
        byte[] bytes = ("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 198.51.100.50;branch=z9hG4bK-c\r\n"
                + "From: <sip:caller@outside.test>;tag=1\r\nTo: <sip:202@example.com>;tag=2\r\nCall-ID: " + callId
                + "\r\nCSeq: 1 INVITE\r\nContact: <sip:202@" + contactHostPort + ">;expires=60\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return (SipResponse) SipParser.parse(bytes, 0, bytes.length, true).message();
    }

    private void called(String callId, String uri) {
        callees.copy(Requests.invite("198.51.100.1:5060", "198.51.100.1:5060").toBuilder()
                .set(HeaderName.CALL_ID, callId).build(), new Target(SipUri.parse(uri), 1.0, List.of(), FLOW), HOP);
    }

    @Test
    void answerFromANatedCalleeCarriesItsPublicAddress() {
        called("c1", "sip:202@192.168.1.20:5060");

        SipResponse out = callees.onResponse(answer("c1", "192.168.1.20"), FLOW);

        assertThat(out.headers().firstValue(HeaderName.CONTACT)).isEqualTo("<sip:202@203.0.113.9:40123>;expires=60");
    }

    @Test
    void anotherCallsPhoneAtTheSamePrivateAddressIsLeftAlone() {
        called("c1", "sip:202@192.168.1.20:5060");
        SipResponse other = answer("c2", "192.168.1.20:5060");

        assertThat(callees.onResponse(other, FLOW)).isSameAs(other);
    }

    @Test
    void calleeReachedAtItsOwnContactIsNotRemembered() {
        called("c1", "sip:202@203.0.113.9:40123");

        assertThat(callees.size()).isZero();
    }

    @Test
    void endedAndOldestCallsAreForgotten() {
        called("c1", "sip:202@192.168.1.20:5060");
        called("c2", "sip:202@192.168.1.21:5060");
        called("c3", "sip:202@192.168.1.22:5060");
        assertThat(callees.size()).isEqualTo(2);
        SipResponse oldest = answer("c1", "192.168.1.20:5060");
        assertThat(callees.onResponse(oldest, FLOW)).isSameAs(oldest);

        callees.forget("c2");
        assertThat(callees.size()).isEqualTo(1);
    }
}
