package org.switchboard.store.bindings;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/** Bindings for the store tests. */
final class BindingFixtures {
    static final AddressOfRecord ALICE = new AddressOfRecord("201", "example.com");
    static final Flow TCP_FLOW = new Flow(Transport.TCP, new InetSocketAddress("192.0.2.1", 5060),
            new InetSocketAddress("198.51.100.7", 40123), 42);

    private BindingFixtures() {
    }

    static Binding binding(String contact, double q, Instant expiresAt, String callId, long cseq) {
        return new Binding(ALICE, contact, q, expiresAt, callId, cseq, List.of(), null, 0, TCP_FLOW, "snom D785");
    }

    static Binding outbound(String contact, Instant expiresAt, String callId, long cseq) {
        return new Binding(ALICE, contact, 1.0, expiresAt, callId, cseq,
                List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr;ob>"),
                "<urn:uuid:00000000-0000-1000-8000-000413000001>", 1, TCP_FLOW, "snom D785");
    }
}
