package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

class LocalEndpointsTest {
    private static final InetSocketAddress PHONE = new InetSocketAddress("192.0.2.7", 49200);
    private static final Flow FROM_PHONE = new Flow(Transport.TLS, new InetSocketAddress("192.0.2.1", 5061), PHONE, 1);

    private static LocalEndpoints endpoints() throws Exception {
        return new LocalEndpoints(List.of(new ListenPoint(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060)),
                new ListenPoint(Transport.TLS, new InetSocketAddress("192.0.2.1", 5061))), null);
    }

    @Test
    void recordRouteNamesTheTransportAndPortOfEachSide() throws Exception {
        assertThat(endpoints().recordRoute(Transport.TLS, PHONE, FROM_PHONE, false))
                .isEqualTo("<sip:192.0.2.1:5061;transport=tls;lr>");
        assertThat(endpoints().recordRoute(Transport.UDP, PHONE, FROM_PHONE, false))
                .isEqualTo("<sip:192.0.2.1:5060;transport=udp;lr>");
    }

    @Test
    void recordRouteOfASipsRequestIsASipsUri() throws Exception {
        assertThat(endpoints().recordRoute(Transport.TLS, PHONE, FROM_PHONE, true)).isEqualTo("<sips:192.0.2.1:5061;lr>");
    }

    @Test
    void viaOverTlsNamesTheTlsPort() throws Exception {
        assertThat(endpoints().sentBy(Transport.TLS, PHONE, FROM_PHONE)).isEqualTo("192.0.2.1:5061");
    }
}
