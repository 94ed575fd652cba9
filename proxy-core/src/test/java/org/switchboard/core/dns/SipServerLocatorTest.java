package org.switchboard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;

class SipServerLocatorTest {
    private final Map<String, List<NaptrRecord>> naptr = new HashMap<>();
    private final Map<String, List<SrvRecord>> srv = new HashMap<>();
    private final Map<String, List<InetAddress>> a = new HashMap<>();
    private final Map<String, List<InetAddress>> aaaa = new HashMap<>();
    private final DnsLookup dns = new DnsLookup() {
        @Override
        public DnsAnswer<NaptrRecord> naptr(String name) {
            return new DnsAnswer<>(naptr.getOrDefault(name, List.of()), 60);
        }

        @Override
        public DnsAnswer<SrvRecord> srv(String name) {
            return new DnsAnswer<>(srv.getOrDefault(name, List.of()), 60);
        }

        @Override
        public DnsAnswer<InetAddress> addresses(String name, boolean ipv6) {
            return new DnsAnswer<>((ipv6 ? aaaa : a).getOrDefault(name, List.of()), 60);
        }
    };
    private final SipServerLocator locator = new SipServerLocator(dns, Set.of(Transport.UDP, Transport.TCP));

    private static Destination d(Transport t, String ip, int port) throws UnknownHostException {
        return Destination.of(t, new InetSocketAddress(InetAddress.getByName(ip), port));
    }

    private List<Destination> locate(String uri) throws Exception {
        return locator.locate(SipUri.parse(uri));
    }

    @Test
    void anAddressLiteralNeedsNoDns() throws Exception {
        assertThat(locate("sip:bob@192.0.2.1")).containsExactly(d(Transport.UDP, "192.0.2.1", 5060));
        assertThat(locate("sip:bob@[2001:db8::1]:5070;transport=tcp"))
                .containsExactly(d(Transport.TCP, "2001:db8::1", 5070));
    }

    @Test
    void aPortMeansAddressRecordsOnly() throws Exception {
        a.put("pbx.example.com", List.of(InetAddress.getByName("192.0.2.5")));
        srv.put("_sip._udp.pbx.example.com", List.of(new SrvRecord(1, 0, 5999, "other.example.com")));
        assertThat(locate("sip:pbx.example.com:5080")).containsExactly(d(Transport.UDP, "192.0.2.5", 5080));
    }

    @Test
    void aTransportParameterAsksForThatTransportsSrv() throws Exception {
        srv.put("_sip._tcp.example.com", List.of(new SrvRecord(10, 0, 5090, "tcp1.example.com")));
        a.put("tcp1.example.com", List.of(InetAddress.getByName("192.0.2.9")));
        assertThat(locate("sip:example.com;transport=tcp")).containsExactly(d(Transport.TCP, "192.0.2.9", 5090));
    }

    @Test
    void naptrChoosesTheTransportsInOrder() throws Exception {
        naptr.put("example.com", List.of(
                new NaptrRecord(20, 0, "s", "SIP+D2U", "_sip._udp.example.com"),
                new NaptrRecord(10, 0, "s", "SIP+D2T", "_sip._tcp.example.com"),
                new NaptrRecord(5, 0, "s", "SIPS+D2T", "_sips._tcp.example.com")));
        srv.put("_sip._tcp.example.com", List.of(new SrvRecord(0, 0, 5060, "a.example.com")));
        srv.put("_sip._udp.example.com", List.of(new SrvRecord(0, 0, 5060, "a.example.com")));
        a.put("a.example.com", List.of(InetAddress.getByName("192.0.2.1")));
        assertThat(locate("sip:example.com")).containsExactly(d(Transport.TCP, "192.0.2.1", 5060),
                d(Transport.UDP, "192.0.2.1", 5060));
    }

    @Test
    void srvTargetsInPriorityOrderForFailover() throws Exception {
        srv.put("_sip._udp.example.com", List.of(new SrvRecord(20, 0, 5060, "backup.example.com"),
                new SrvRecord(10, 0, 5060, "main.example.com")));
        a.put("main.example.com", List.of(InetAddress.getByName("192.0.2.1")));
        a.put("backup.example.com", List.of(InetAddress.getByName("192.0.2.2")));
        aaaa.put("main.example.com", List.of(InetAddress.getByName("2001:db8::1")));
        assertThat(locate("sip:example.com")).containsExactly(d(Transport.UDP, "192.0.2.1", 5060),
                d(Transport.UDP, "2001:db8::1", 5060), d(Transport.UDP, "192.0.2.2", 5060));
    }

    @Test
    void withoutNaptrOrSrvTheHostsAddressOnTheDefaultPort() throws Exception {
        a.put("example.com", List.of(InetAddress.getByName("192.0.2.3")));
        assertThat(locate("sip:bob@example.com")).containsExactly(d(Transport.UDP, "192.0.2.3", 5060));
    }

    @Test
    void sipsNeedsTlsWhichIsNotAvailable() throws Exception {
        a.put("example.com", List.of(InetAddress.getByName("192.0.2.3")));
        assertThat(locate("sips:bob@example.com")).isEmpty();
    }

    @Test
    void anUnknownNameHasNoDestination() throws Exception {
        assertThat(locate("sip:bob@nowhere.example")).isEmpty();
    }
}
