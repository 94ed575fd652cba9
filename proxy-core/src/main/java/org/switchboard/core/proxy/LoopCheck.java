package org.switchboard.core.proxy;

import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.message.Via;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * Answers 482 Loop Detected to a request that already passed this server unchanged (RFC 3261
 * §16.3 step 4, RFC 5393 §4.2): one of the Via entries with our sent-by carries the
 * loop-detection hash this request has now. A request that comes back changed (a new Request-URI
 * after a gateway or a dial plan) is a spiral and goes on. ACK and CANCEL are never answered so.
 */
final class LoopCheck implements RequestProcessor {
    private final LocalAddresses local;

    LoopCheck(LocalAddresses local) {
        this.local = local;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        // the request as it arrived is what the hash in our branches was computed over
        SipRequest request = context.receivedRequest();
        if (request.isMethod(SipMethod.CANCEL) || request.vias().size() < 2) {
            return ProcessorResult.CONTINUE;
        }
        String hash = null;
        for (Via via : request.vias()) {
            String ours = LoopDetection.hashOf(via.branch());
            if (ours == null || !local.isLocal(SipUri.of(null, via.host(), via.port()))) {
                continue;
            }
            if (hash == null) {
                hash = LoopDetection.hash(request);
            }
            if (ours.equals(hash)) {
                context.respond(482, "Loop Detected");
                return ProcessorResult.STOP;
            }
        }
        return ProcessorResult.CONTINUE;
    }
}
