package org.switchboard.nat.keepalive;

import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.Params;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.Via;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.transaction.BranchGenerator;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;

/**
 * Pings a UDP flow with an OPTIONS request (RFC 3261 §11) to the registered contact, sent to the
 * NAT's public address the REGISTER came from, in its own client transaction (retransmitted as
 * §17.1.2 says). Any final response, whatever its status, shows the path through the NAT is open;
 * Timer F or a send failure shows it is not. Thread-safe; never blocks.
 */
public final class OptionsPinger implements Pinger {
    private static final int MAX_FORWARDS = 70;

    private final SipServices sip;
    private final BranchGenerator branches = new BranchGenerator();

    public OptionsPinger(SipServices sip) {
        this.sip = sip;
    }

    @Override
    public void ping(AddressOfRecord aor, String contactUri, Flow flow, Consumer<Boolean> answered) {
        SipRequest options = request(contactUri, flow.local(), branches.newBranch());
        Destination to = new Destination(flow.transport(), flow.remote(), flow.connectionId());
        AtomicBoolean reported = new AtomicBoolean();
        Consumer<Boolean> once = outcome -> {
            if (reported.compareAndSet(false, true)) {
                answered.accept(outcome);
            }
        };
        try {
            sip.sendRequest(options, to, new ClientTransactionListener() {
                @Override
                public void onResponse(ClientTransaction transaction, InboundMessage response) {
                    once.accept(true);
                }

                @Override
                public void onTimeout(ClientTransaction transaction) {
                    once.accept(false);
                }

                @Override
                public void onTransportError(ClientTransaction transaction, Throwable cause) {
                    once.accept(false);
                }

                @Override
                public void onTerminated(ClientTransaction transaction) {
                    // the outcome was reported by one of the above
                }
            });
        } catch (IllegalStateException e) {
            once.accept(false); // the stack is stopping
        }
    }

    /** The OPTIONS: from the socket the phone talks to, to its Contact, out of any dialog (§8.1.1). */
    static SipRequest request(String contactUri, InetSocketAddress local, String branch) {
        String host = Addresses.host(local.getAddress());
        Via via = new Via("UDP", host, local.getPort(), Params.EMPTY).withParam("branch", branch)
                .withParam("rport", null);
        return SipRequest.builder(SipMethod.OPTIONS, contactUri)
                .add(HeaderName.VIA, via.toString())
                .add(HeaderName.MAX_FORWARDS, Integer.toString(MAX_FORWARDS))
                .add(HeaderName.FROM, "<sip:keepalive@" + host + ">;tag=" + UUID.randomUUID().toString().substring(0, 8))
                .add(HeaderName.TO, "<" + contactUri + ">")
                .add(HeaderName.CALL_ID, UUID.randomUUID() + "@" + host)
                .add(HeaderName.CSEQ, "1 " + SipMethod.OPTIONS)
                .build();
    }
}
