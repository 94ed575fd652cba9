package org.switchboard.core.proxy;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transport.Flow;

/**
 * An ordered list of {@link RequestProcessor}s. A request that no processor stops is a programming
 * error in the chain's assembly, so the chain ends with a processor that always answers. A
 * processor may park the request ({@link RequestContext#park()}) and resume the chain after itself
 * later.
 */
public final class RequestChain {
    private static final Logger LOG = LoggerFactory.getLogger(RequestChain.class);

    private final List<RequestProcessor> processors;

    public RequestChain(List<RequestProcessor> processors) {
        this.processors = List.copyOf(processors);
    }

    /** Runs the processors; a processor that fails answers the request with a 400 or 500. */
    public void process(RequestContext context) {
        new Run(context).from(0);
    }

    /** One request's way through the chain: remembers where it is, so that it can be parked. */
    private final class Run implements RequestContext {
        private final RequestContext context;
        private int current;

        Run(RequestContext context) {
            this.context = context;
        }

        void from(int start) {
            for (int i = start; i < processors.size(); i++) {
                RequestProcessor processor = processors.get(i);
                current = i;
                try {
                    if (processor.process(this) == ProcessorResult.STOP) {
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

        @Override
        public ParkedRequest park() {
            int next = current + 1;
            return new ParkedRequest() {
                private boolean resumed;

                @Override
                public RequestContext context() {
                    return Run.this;
                }

                @Override
                public void resume() {
                    if (resumed) {
                        throw new IllegalStateException("Request resumed twice");
                    }
                    resumed = true;
                    from(next);
                }
            };
        }

        @Override
        public SipRequest request() {
            return context.request();
        }

        @Override
        public SipRequest receivedRequest() {
            return context.receivedRequest();
        }

        @Override
        public void updateRequest(SipRequest request) {
            context.updateRequest(request);
        }

        @Override
        public Flow flow() {
            return context.flow();
        }

        @Override
        public ServerTransaction transaction() {
            return context.transaction();
        }

        @Override
        public SipResponse.Builder responseBuilder(int statusCode, String reasonPhrase) {
            return context.responseBuilder(statusCode, reasonPhrase);
        }

        @Override
        public void respond(SipResponse response) {
            context.respond(response);
        }
    }
}
