package org.switchboard.core.proxy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transaction.TransactionUser;
import org.switchboard.core.transport.InboundMessage;

/**
 * The server's transaction user: runs every new request through the {@link RequestChain}. Called on
 * the request's shard; never blocks.
 */
public final class CoreTransactionUser implements TransactionUser {
    private static final Logger LOG = LoggerFactory.getLogger(CoreTransactionUser.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequestChain chain;
    private final String serverHeader;

    /**
     * @param chain the request chain
     * @param serverHeader the value of the Server header in responses the server makes itself
     */
    public CoreTransactionUser(RequestChain chain, String serverHeader) {
        this.chain = chain;
        this.serverHeader = serverHeader;
    }

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage request) {
        chain.process(new ServerTransactionContext(transaction, newTag(), serverHeader));
    }

    private static String newTag() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void onAck(InboundMessage ack) {
        // the server answers no INVITE with a 2xx itself yet, so an ACK for a 2xx is not ours
        LOG.debug("Ignoring ACK for a 2xx not sent by this server from {} (Call-ID {})", ack.flow().remote(),
                ack.message().callId());
    }

    @Override
    public void onStrayResponse(InboundMessage response) {
        LOG.debug("Dropping response matching no transaction from {} (Call-ID {})", response.flow().remote(),
                response.message().callId());
    }

    @Override
    public void onServerTimeout(ServerTransaction transaction) {
        LOG.debug("No ACK from {} for the final response to {} (Call-ID {})", transaction.flow().remote(),
                transaction.request().method(), transaction.request().callId());
    }

    @Override
    public void onServerTransportError(ServerTransaction transaction, Throwable cause) {
        LOG.warn("Could not send the response to {} {} to {}: {}", transaction.request().method(),
                transaction.request().requestUri(), transaction.flow().remote(), cause.toString());
    }

    @Override
    public void onServerTerminated(ServerTransaction transaction) {
        // nothing is kept per transaction at this layer
    }
}
