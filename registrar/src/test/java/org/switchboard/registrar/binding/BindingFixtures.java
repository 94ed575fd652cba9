package org.switchboard.registrar.binding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/** Bindings for tests. */
final class BindingFixtures {
    /** The addresses of this host, for {@link InMemoryLocationService}: loopback only in tests. */
    static final Predicate<InetAddress> THIS_HOST = InetAddress::isLoopbackAddress;
    static final AddressOfRecord ALICE = new AddressOfRecord("201", "example.com");
    static final Flow TCP_FLOW = new Flow(Transport.TCP, new InetSocketAddress("192.0.2.1", 5060),
            new InetSocketAddress("198.51.100.7", 40123), 42);

    private BindingFixtures() {
    }

    static Binding binding(String contact, double q, Instant expiresAt, String callId, long cseq) {
        return new Binding(ALICE, contact, q, expiresAt, callId, cseq, List.of(), null, 0, TCP_FLOW, "snom D785");
    }

    /** A baresip-style contact: {@code +sip.instance} without {@code reg-id} (no RFC 5626 outbound). */
    static Binding instance(String contact, Instant expiresAt, String callId, long cseq) {
        return new Binding(ALICE, contact, 1.0, expiresAt, callId, cseq, List.of(),
                "<urn:uuid:8a1c7c1e-0000-4000-8000-00000000beef>", 0, TCP_FLOW, "baresip v1.0.0");
    }

    static Binding outbound(String contact, Instant expiresAt, String callId, long cseq) {
        return new Binding(ALICE, contact, 1.0, expiresAt, callId, cseq,
                List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr;ob>"),
                "<urn:uuid:00000000-0000-1000-8000-000413000001>", 1, TCP_FLOW, "snom D785");
    }
}
