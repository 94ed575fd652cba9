package org.switchboard.core.proxy;

import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transport.Flow;

/**
 * The {@link RequestContext} of a request with a server transaction: answers go through the
 * transaction, so its retransmissions are answered from there. Every response of one transaction
 * carries the same To tag (RFC 3261 §8.2.6.2). Used on the request's shard only.
 */
final class ServerTransactionContext implements RequestContext {
    private final ServerTransaction transaction;
    private final String toTag;
    private final String serverHeader;
    private SipRequest request;

    ServerTransactionContext(ServerTransaction transaction, String toTag, String serverHeader) {
        this.transaction = transaction;
        this.toTag = toTag;
        this.serverHeader = serverHeader;
        this.request = transaction.request();
    }

    @Override
    public SipRequest request() {
        return request;
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
        SipResponse.Builder builder = SipResponse.builderFor(transaction.request(), statusCode, reasonPhrase)
                .add(HeaderName.SERVER, serverHeader);
        // a 100 Trying has no To tag of its own (§8.2.6.1)
        return statusCode == 100 ? builder : builder.toTag(toTag);
    }

    @Override
    public void respond(SipResponse response) {
        transaction.sendResponse(response);
    }
}
