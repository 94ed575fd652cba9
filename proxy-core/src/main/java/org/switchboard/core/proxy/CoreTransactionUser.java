package org.switchboard.core.proxy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transaction.TransactionUser;
import org.switchboard.core.transport.InboundMessage;

/**
 * The server's transaction user: runs every new request through the {@link RequestChain}, keeps
 * the INVITEs in progress for CANCEL until their final response, and hands ACKs for 2xx and stray responses to the stateless
 * forwarder (or drops them in a server without a proxy). Called on the request's shard; never
 * blocks.
 */
public final class CoreTransactionUser implements TransactionUser {
    private static final Logger LOG = LoggerFactory.getLogger(CoreTransactionUser.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Consumer<ServerTransaction> NOTHING_TO_FORGET = transaction -> { };

    private final RequestChain chain;
    private final String serverHeader;
    private final ProxyContexts contexts;
    private final StrayMessageHandler strays;
    private final Consumer<ServerTransaction> forgetInvite;

    /**
     * A transaction user without a proxy: ACKs for 2xx and stray responses are dropped.
     *
     * @param chain the request chain
     * @param serverHeader the value of the Server header in responses the server makes itself
     */
    public CoreTransactionUser(RequestChain chain, String serverHeader) {
        this(chain, serverHeader, new ProxyContexts(), StrayMessageHandler.DROP);
    }

    CoreTransactionUser(RequestChain chain, String serverHeader, ProxyContexts contexts, StrayMessageHandler strays) {
        this.chain = chain;
        this.serverHeader = serverHeader;
        this.contexts = contexts;
        this.strays = strays;
        this.forgetInvite = contexts::remove;
    }

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage request) {
        boolean invite = SipMethod.INVITE.equals(transaction.method());
        // once answered, an INVITE has nothing left to cancel (RFC 3261 §9.2)
        ServerTransactionContext context = new ServerTransactionContext(transaction, newTag(), serverHeader,
                invite ? forgetInvite : NOTHING_TO_FORGET);
        if (invite) {
            contexts.register(context);
        }
        chain.process(context);
    }

    private static String newTag() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void onAck(InboundMessage ack) {
        strays.onAck(ack);
    }

    @Override
    public void onStrayResponse(InboundMessage response) {
        strays.onStrayResponse(response);
    }

    @Override
    public void onServerTimeout(ServerTransaction transaction) {
        LOG.debug("No ACK from {} for the final response to {} (Call-ID {})", transaction.flow().remote(),
                transaction.method(), transaction.callId());
    }

    @Override
    public void onServerTransportError(ServerTransaction transaction, Throwable cause) {
        // the request may be released already: the error can come after the final response
        LOG.warn("Could not send the response to {} (Call-ID {}) to {}: {}", transaction.method(),
                transaction.callId(), transaction.flow().remote(), cause.toString());
    }

    @Override
    public void onServerTerminated(ServerTransaction transaction) {
        contexts.remove(transaction); // an INVITE that ended without a final response (transport error)
    }
}
