package org.switchboard.core.proxy;

import java.util.function.Consumer;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transport.Flow;

/**
 * The {@link RequestContext} of a request with a server transaction: answers go through the
 * transaction, so its retransmissions are answered from there. Every response of one transaction
 * carries the same To tag (RFC 3261 §8.2.6.2). The context keeps the received request itself, as the
 * transaction releases it once the final response is out, and says when that final response went, so
 * that what was kept for the request can go too. Used on the request's shard only.
 */
final class ServerTransactionContext implements RequestContext {
    private final ServerTransaction transaction;
    private final String toTag;
    private final String serverHeader;
    private final Consumer<ServerTransaction> onFinalResponse;
    private final SipRequest received;
    private SipRequest request;
    private boolean answered;
    private AddressOfRecord caller;

    /**
     * @param onFinalResponse told of each final response sent, with the transaction; it may run more
     *     than once (every 2xx to an INVITE is forwarded, RFC 6026)
     */
    ServerTransactionContext(ServerTransaction transaction, String toTag, String serverHeader,
            Consumer<ServerTransaction> onFinalResponse) {
        this.transaction = transaction;
        this.toTag = toTag;
        this.serverHeader = serverHeader;
        this.onFinalResponse = onFinalResponse;
        this.received = transaction.request();
        this.request = received;
    }

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public SipRequest receivedRequest() {
        return received;
    }

    @Override
    public void updateRequest(SipRequest updated) {
        this.request = updated;
    }

    @Override
    public Flow flow() {
        return transaction.flow();
    }

    @Override
    public ServerTransaction transaction() {
        return transaction;
    }

    @Override
    public SipResponse.Builder responseBuilder(int statusCode, String reasonPhrase) {
        // not transaction.request(): a late answer (a 487 after the final) must still be buildable
        SipResponse.Builder builder = SipResponse.builderFor(received, statusCode, reasonPhrase)
                .add(HeaderName.SERVER, serverHeader);
        // a 100 Trying has no To tag of its own (§8.2.6.1)
        return statusCode == 100 ? builder : builder.toTag(toTag);
    }

    @Override
    public AddressOfRecord authenticatedCaller() {
        return caller;
    }

    @Override
    public void authenticated(AddressOfRecord authenticated) {
        this.caller = authenticated;
    }

    @Override
    public boolean answered() {
        return answered || transaction.isTerminated();
    }

    @Override
    public void respond(SipResponse response) {
        transaction.sendResponse(response);
        if (!response.isProvisional()) {
            answered = true;
            onFinalResponse.accept(transaction);
        }
    }
}
