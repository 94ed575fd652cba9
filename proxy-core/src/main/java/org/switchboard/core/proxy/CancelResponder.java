package org.switchboard.core.proxy;

import java.util.function.Function;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.transaction.ServerTransaction;

/**
 * Handles CANCEL as a stateful proxy (RFC 3261 §16.10): a CANCEL matching an INVITE server
 * transaction is answered 200 at once; if that INVITE has no final response yet, its pending
 * branches are cancelled, and the caller gets the INVITE's final response once they end. A CANCEL
 * matching no transaction is answered 481: this proxy forwards every INVITE statefully, so there is
 * no statelessly forwarded INVITE it could belong to.
 */
final class CancelResponder implements RequestProcessor {
    private final Function<SipRequest, ServerTransaction> findInvite;
    private final ProxyContexts contexts;

    /**
     * @param findInvite finds the INVITE server transaction of a CANCEL, on the CANCEL's shard
     */
    CancelResponder(Function<SipRequest, ServerTransaction> findInvite, ProxyContexts contexts) {
        this.findInvite = findInvite;
        this.contexts = contexts;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        if (!context.request().isMethod(SipMethod.CANCEL)) {
            return ProcessorResult.CONTINUE;
        }
        ServerTransaction invite = findInvite.apply(context.request());
        if (invite == null) {
            context.respond(481, "Call/Transaction Does Not Exist");
            return ProcessorResult.STOP;
        }
        context.respond(200, "OK");
        contexts.cancel(invite);
        return ProcessorResult.STOP;
    }
}
