package org.switchboard.core.plugin;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Predicate;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.datagram.DatagramClaim;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.RouterFactory;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;

/**
 * The SIP stack as a plugin sees it.
 *
 * <p>Registration ({@link #addProcessor}, {@link #acceptOnMulticast}) is only allowed during
 * {@link Plugin#start}, before the stack starts; the other methods only once the stack runs (in
 * practice: from a request processor or a callback). All methods are thread-safe and never block.
 */
public interface SipServices {

    /**
     * Adds a processor to the request chain at {@code stage} (see {@link Stage} for where each
     * stage runs); within a stage, processors run in the order added. See {@link RequestProcessor}
     * for the threading contract.
     *
     * @throws IllegalStateException after the plugin's start
     */
    void addProcessor(Stage stage, RequestProcessor processor);

    /**
     * Adds a processor for requests addressed to the server itself: {@link #addProcessor} at {@link
     * Stage#LOCAL}.
     *
     * @throws IllegalStateException after the plugin's start
     */
    default void addLocalProcessor(RequestProcessor processor) {
        addProcessor(Stage.LOCAL, processor);
    }

    /**
     * Offers each non-SIP datagram arriving on the server's SIP UDP sockets to {@code claim} before
     * the SIP codec (the datagram demultiplexer; e.g. STUN keep-alives on the SIP port, RFC 5626
     * §4.4.2); see {@link DatagramClaim} for the threading contract.
     *
     * @throws IllegalStateException after the plugin's start
     */
    void claimDatagrams(DatagramClaim claim);

    /**
     * Adds a target processor (the target stage: may change each outgoing copy of a forwarded
     * request).
     *
     * @throws IllegalStateException after the plugin's start
     */
    void addTargetProcessor(TargetProcessor processor);

    /**
     * Adds a response processor (the response stage: may add targets when the current ones fail).
     *
     * @throws IllegalStateException after the plugin's start
     */
    void addResponseProcessor(ResponseProcessor processor);

    /**
     * Adds a hook to the relay point every relayed request and response passes.
     *
     * @throws IllegalStateException after the plugin's start
     */
    void addRelayHook(RelayHook hook);

    /**
     * Decides how the registrar's contacts are reached (over the REGISTER's flow, or at the Contact
     * URI) in place of {@link ReachPolicy#STANDARD}: a NAT gateway sends NATed phones' requests back
     * over their flow. At most one plugin decides.
     *
     * @throws IllegalStateException after the plugin's start, or if another plugin decides already
     */
    void decideReach(ReachPolicy policy);

    /**
     * Makes the router that decides where initial requests go (the dial plan), from the default
     * router, which it may delegate to. One plugin at most.
     *
     * @throws IllegalStateException after the plugin's start, or if another plugin set a router
     */
    void routeWith(RouterFactory factory);

    /** The event bus, to publish and to listen to what happens in the server. */
    EventBus events();

    /**
     * Asks the server to listen on the SIP multicast group (224.0.1.75, "sip.mcast.net", RFC 3261
     * §10.2.6) and to pass requests accepted by {@code filter} to the request chain. A request on
     * the group that no plugin's filter accepts is dropped without an answer. Whether the server
     * actually joins the group, and on which interfaces, is the admin's configuration.
     *
     * <p>The filter is called on an event loop for every datagram on the group, before any
     * transaction exists: it must be fast, must not block and must not throw.
     *
     * @throws IllegalStateException after the plugin's start
     */
    void acceptOnMulticast(Predicate<SipRequest> filter);

    /**
     * Sends {@code request} in a new client transaction (RFC 3261 §17.1), which retransmits it over
     * UDP until a final response or its timeout. The caller puts the top Via with a fresh branch
     * ({@link org.switchboard.core.transaction.BranchGenerator}) naming {@link #port} as its port.
     *
     * @throws IllegalStateException if the stack is not running
     * @see org.switchboard.core.transaction.TransactionLayer#sendRequest
     */
    ClientTransaction sendRequest(SipRequest request, Destination destination, ClientTransactionListener listener);

    /**
     * The port the server receives SIP on for this transport (as bound, over IPv4 where both
     * families are bound), for Via and Contact headers.
     *
     * @throws IllegalStateException if the stack is not running or does not listen on the transport
     */
    int port(Transport transport);

    /**
     * The one address the server is configured to listen for SIP on, with its configured SIP port,
     * when there is exactly one and it is a specific address: where phones may be told to send all
     * their SIP. Empty when the server listens on a wildcard address or on several, and phones find
     * it through their domain (RFC 3263), and where the configuration is not known (stand-ins).
     */
    default Optional<InetSocketAddress> soleListenAddress() {
        return Optional.empty();
    }
}
