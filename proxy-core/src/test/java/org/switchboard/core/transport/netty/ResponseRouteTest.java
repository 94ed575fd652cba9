package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.Via;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

class ResponseRouteTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final Flow UDP = new Flow(Transport.UDP, LOCAL, new InetSocketAddress("192.0.2.9", 40000), 0);
    private static final Flow TCP = new Flow(Transport.TCP, LOCAL, new InetSocketAddress("192.0.2.9", 40000), 17);

    @Test
    void udpWithReceivedAndRportGoesToTheSourceAddressAndPort() throws Exception {
        Destination d = route("SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bK1;rport=40000;received=192.0.2.9", UDP);
        assertThat(d).isEqualTo(Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.9", 40000)));
    }

    @Test
    void udpWithReceivedOnlyGoesToTheSentByPort() throws Exception {
        Destination d = route("SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bK1;received=192.0.2.9", UDP);
        assertThat(d.address()).isEqualTo(new InetSocketAddress("192.0.2.9", 5070));
    }

    @Test
    void udpWithoutReceivedGoesToSentByOrTheDefaultPort() throws Exception {
        assertThat(route("SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1", UDP).address())
                .isEqualTo(new InetSocketAddress("192.0.2.9", 5060));
    }

    @Test
    void udpWithMaddrGoesToTheMulticastAddress() throws Exception {
        Destination d = route("SIP/2.0/UDP 192.0.2.9:5062;maddr=224.0.1.75;branch=z9hG4bK1;received=192.0.2.9", UDP);
        assertThat(d.address()).isEqualTo(new InetSocketAddress("224.0.1.75", 5062));
    }

    @Test
    void ipv6ReceivedInBracketsIsUnderstood() throws Exception {
        Destination d = route("SIP/2.0/UDP [2001:db8::1];branch=z9hG4bK1;rport=7000;received=[2001:db8::2]", UDP);
        assertThat(d.address()).isEqualTo(new InetSocketAddress("2001:db8::2", 7000));
    }

    @Test
    void tcpKeepsTheConnectionAndFallsBackToReceivedAndSentByPort() throws Exception {
        Destination d = route("SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK1;rport=40000;received=192.0.2.9", TCP);
        assertThat(d).isEqualTo(new Destination(Transport.TCP, new InetSocketAddress("192.0.2.9", 5070), 17));
    }

    @Test
    void hostNameWithoutReceivedIsNotRoutable() {
        assertThatThrownBy(() -> route("SIP/2.0/UDP phone.example.com;branch=z9hG4bK1", UDP))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("phone.example.com");
    }

    private static Destination route(String via, Flow flow) throws UnknownHostException {
        return ResponseRoute.of(Via.parse(via), flow);
    }
}
