package org.switchboard.core.spi.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

class ReachPolicyTest {
    private static final AddressOfRecord AOR = AddressOfRecord.parse("sip:201@example.com");
    private static final InetSocketAddress SERVER = new InetSocketAddress("198.51.100.1", 5060);
    private static final Flow UDP = new Flow(Transport.UDP, SERVER, new InetSocketAddress("203.0.113.9", 5070), 0);
    private static final Flow TCP = new Flow(Transport.TCP, SERVER, new InetSocketAddress("203.0.113.9", 49152), 3);
    private static final Flow TLS = new Flow(Transport.TLS, new InetSocketAddress("198.51.100.1", 5061),
            new InetSocketAddress("203.0.113.9", 49153), 4);
    private static final SipRequest REGISTER = register();

    private static SipRequest register() {
        byte[] bytes = ("REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP 203.0.113.9:5070;branch=z9hG4bK-1\r\n"
                + "From: <sip:201@example.com>;tag=1\r\nTo: <sip:201@example.com>\r\nCall-ID: r@t\r\n"
                + "CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return (SipRequest) SipParser.parse(bytes, 0, bytes.length, true).message();
    }

    private static Reach standard(Flow flow, String contact, boolean outbound) {
        return ReachPolicy.STANDARD.reach(REGISTER, AOR, flow, NameAddr.parse("<" + contact + ">"), outbound);
    }

    @Test
    void contactAtTheSourceOfTheRegisterIsReachedOverItsFlow() {
        assertThat(standard(UDP, "sip:201@203.0.113.9:5070", false)).isEqualTo(Reach.FLOW);
    }

    @Test
    void contactRegisteredFromAnotherPortOrHostIsReachedAtItsContact() {
        assertThat(standard(UDP, "sip:201@203.0.113.9:5080", false)).isEqualTo(Reach.CONTACT);
        assertThat(standard(UDP, "sip:201@198.51.100.44", false)).isEqualTo(Reach.CONTACT);
        assertThat(standard(UDP, "sip:201@pc.example.com", false)).isEqualTo(Reach.CONTACT);
    }

    @Test
    void tcpContactOnTheConnectedHostReusesTheConnection() {
        assertThat(standard(TCP, "sip:201@203.0.113.9:5060;transport=tcp", false)).isEqualTo(Reach.FLOW);
        assertThat(standard(TCP, "sip:201@203.0.113.9:5060", false)).as("a UDP contact").isEqualTo(Reach.CONTACT);
    }

    @Test
    void tlsContactOnTheConnectedHostIsReachedOverTheTlsConnectionWhateverTransportItNames() {
        assertThat(standard(TLS, "sip:201@203.0.113.9:5061;transport=tls", false)).isEqualTo(Reach.FLOW);
        assertThat(standard(TLS, "sips:201@203.0.113.9", false)).isEqualTo(Reach.FLOW);
        assertThat(standard(TLS, "sip:201@203.0.113.9:5060", false)).as("not in the clear over UDP").isEqualTo(Reach.FLOW);
        assertThat(standard(TLS, "sips:201@198.51.100.44", false)).as("another host").isEqualTo(Reach.CONTACT);
    }

    @Test
    void outboundFlowIsAlwaysReachedOverItsFlow() {
        assertThat(standard(UDP, "sip:201@198.51.100.44", true)).isEqualTo(Reach.FLOW);
    }

    @Test
    void targetOfAContactReachedAtItsUriHasNoFlow() {
        RegisteredContact atContact = new RegisteredContact("sip:201@198.51.100.44", 1.0, List.of(), UDP,
                Instant.EPOCH, null, 0, Reach.CONTACT);
        RegisteredContact overFlow = new RegisteredContact("sip:201@192.168.1.20", 1.0, List.of(), UDP,
                Instant.EPOCH, null, 0, Reach.FLOW);

        assertThat(Target.registered(atContact).flow()).isNull();
        assertThat(Target.registered(overFlow).flow()).isEqualTo(UDP);
    }
}
