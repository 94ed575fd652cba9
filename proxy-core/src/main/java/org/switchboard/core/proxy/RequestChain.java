package org.switchboard.core.proxy;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipParseException;

/**
 * An ordered list of {@link RequestProcessor}s. A request that no processor stops is a programming
 * error in the chain's assembly, so the chain ends with a processor that always answers.
 */
public final class RequestChain {
    private static final Logger LOG = LoggerFactory.getLogger(RequestChain.class);

    private final List<RequestProcessor> processors;

    public RequestChain(List<RequestProcessor> processors) {
        this.processors = List.copyOf(processors);
    }

    /** Runs the processors; a processor that fails answers the request with a 400 or 500. */
    public void process(RequestContext context) {
        for (RequestProcessor processor : processors) {
            try {
                if (processor.process(context) == ProcessorResult.STOP) {
                    return;
                }
            } catch (SipParseException e) {
                // a header the processor needed is malformed: the sender's fault
                context.respond(400, e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.error("{} failed on {} from {}", processor.getClass().getSimpleName(),
                        context.request().method(), context.flow().remote(), e);
                context.respond(500, "Server Internal Error");
                return;
            }
        }
        context.respond(500, "Server Internal Error");
    }
}
