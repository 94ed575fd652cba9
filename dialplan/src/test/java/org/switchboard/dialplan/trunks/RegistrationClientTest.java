package org.switchboard.dialplan.trunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.datagram.DatagramClaim;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.RouterFactory;
import org.switchboard.core.spi.store.StoredTrunk;
import org.switchboard.core.spi.store.TrunkRegistration;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.Transport;

/**
 * The registration client against a scripted registrar: the REGISTERs it sends are captured, the
 * test answers them.
 */
class RegistrationClientTest {
    private static final Trunk ITSP = new Trunk(new StoredTrunk("itsp", "example.com", "127.0.0.1", 5070, "udp",
            "acc", "pw", null, null, null, "from", true, 600), List.of(InetAddress.getLoopbackAddress()));
    private static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 5070), 0);

    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    private final List<TrunkRegistration> saved = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RegistrationClient client = new RegistrationClient(ITSP, "kept@switchboard", 41, new Stack(),
            scheduler, Runnable::run, saved::add, Clock.systemUTC());

    private record Sent(SipRequest request, ClientTransactionListener listener) {
        void answer(SipResponse response) {
            listener.onResponse(null, new InboundMessage(response, FLOW, 0));
        }
    }

    @AfterEach
    void stop() {
        client.stop(false);
        scheduler.shutdownNow();
    }

    private Sent next() throws InterruptedException {
        Sent s = sent.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("a REGISTER was sent").isNotNull();
        return s;
    }

    private static SipResponse challenge(SipRequest register, String nonce) {
        return SipResponse.builderFor(register, 401, "Unauthorized").add(HeaderName.WWW_AUTHENTICATE,
                "Digest realm=\"itsp\", nonce=\"" + nonce + "\", qop=\"auth\"").build();
    }

    @Test
    void registersWithTheKeptCallIdAnswersTheChallengeAndRefreshesWithCredentialsAtOnce() throws Exception {
        client.start();

        Sent first = next();
        assertThat(first.request().callId()).isEqualTo("kept@switchboard");
        assertThat(first.request().cseq().number()).isEqualTo(42);
        assertThat(first.request().requestUri()).isEqualTo("sip:127.0.0.1:5070");
        assertThat(first.request().header(HeaderName.CONTACT)).isEqualTo("<sip:acc@127.0.0.1:5060>");
        assertThat(first.request().header(HeaderName.AUTHORIZATION)).isNull();
        first.answer(challenge(first.request(), "n1"));

        Sent second = next();
        assertThat(second.request().cseq().number()).isEqualTo(43);
        assertThat(second.request().header(HeaderName.AUTHORIZATION)).contains("username=\"acc\"")
                .contains("nonce=\"n1\"").contains("nc=00000001");
        second.answer(SipResponse.builderFor(second.request(), 200, "OK")
                .add(HeaderName.CONTACT, "<sip:acc@127.0.0.1:5060>;expires=2").build());
        assertThat(client.status().state()).isEqualTo("registered");
        assertThat(client.status().expiresAt()).isNotNull();

        Sent refresh = next();
        assertThat(refresh.request().callId()).isEqualTo("kept@switchboard");
        assertThat(refresh.request().cseq().number()).isEqualTo(44);
        assertThat(refresh.request().header(HeaderName.AUTHORIZATION)).contains("nonce=\"n1\"").contains("nc=00000002");
        assertThat(saved).extracting(TrunkRegistration::cseq).contains(42L, 43L, 44L);
    }

    @Test
    void theSameNonceChallengedAgainIsAFailureWithAReasonAndANextAttempt() throws Exception {
        client.start();
        Sent first = next();
        first.answer(challenge(first.request(), "n1"));
        Sent second = next();

        second.answer(challenge(second.request(), "n1"));

        TrunkRegistration failed = client.status();
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.reason()).isEqualTo("401 Unauthorized (credentials refused)");
        assertThat(failed.nextAttempt()).isAfter(java.time.Instant.now().plusSeconds(10));
        assertThat(sent).isEmpty();
    }

    @Test
    void aRefusalIsRetriedLaterNotAtOnce() throws Exception {
        client.start();
        Sent first = next();

        first.answer(SipResponse.builderFor(first.request(), 403, "Forbidden").build());

        assertThat(client.status().state()).isEqualTo("failed");
        assertThat(client.status().reason()).isEqualTo("403 Forbidden");
        assertThat(sent.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    /** The stack as the client uses it: sending and the port; the rest is not called. */
    private final class Stack implements SipServices {
        @Override
        public ClientTransaction sendRequest(SipRequest request, Destination destination,
                ClientTransactionListener listener) {
            assertThat(destination.address()).isEqualTo(new InetSocketAddress("127.0.0.1", 5070));
            sent.add(new Sent(request, listener));
            return null;
        }

        @Override
        public int port(Transport transport) {
            return 5060;
        }

        @Override
        public void addProcessor(Stage stage, RequestProcessor processor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void claimDatagrams(DatagramClaim claim) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addTargetProcessor(TargetProcessor processor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addResponseProcessor(ResponseProcessor processor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addRelayHook(RelayHook hook) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void decideReach(ReachPolicy policy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void routeWith(RouterFactory factory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventBus events() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void acceptOnMulticast(Predicate<SipRequest> filter) {
            throw new UnsupportedOperationException();
        }
    }
}
