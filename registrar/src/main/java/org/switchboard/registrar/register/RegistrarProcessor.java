package org.switchboard.registrar.register;

import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.proxy.ProcessorResult;
import org.switchboard.core.proxy.RequestContext;
import org.switchboard.core.proxy.RequestProcessor;
import org.switchboard.registrar.db.BlockingExecutor;

/**
 * The registrar in the request chain: takes every REGISTER, hands it to the {@link RegisterHandler}
 * on the {@link BlockingExecutor} and stops the chain; other methods pass on. When the executor's
 * queue is full the REGISTER is answered at once with 503 Service Unavailable and Retry-After (RFC
 * 3261 §21.5.4), so overload never queues without bound.
 *
 * <p><b>Threading:</b> {@link #process} runs on the request's shard and never blocks.
 */
public final class RegistrarProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarProcessor.class);

    private final RegisterHandler handler;
    private final BlockingExecutor executor;

    public RegistrarProcessor(RegisterHandler handler, BlockingExecutor executor) {
        this.handler = handler;
        this.executor = executor;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        if (!context.request().isMethod(SipMethod.REGISTER)) {
            return ProcessorResult.CONTINUE;
        }
        executor.submit(() -> {
            handler.handle(context);
            return null;
        }).exceptionally(error -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RejectedExecutionException) {
                LOG.warn("Refused REGISTER from {}: registrar busy, asked to retry in {} s", context.flow(),
                        RegisterHandler.RETRY_AFTER_SECONDS);
                context.respond(context.responseBuilder(503, "Service Unavailable")
                        .add(HeaderName.RETRY_AFTER, Integer.toString(RegisterHandler.RETRY_AFTER_SECONDS)).build());
            } else {
                LOG.error("REGISTER from {} failed: {}", context.flow(), cause.toString(), cause);
                context.respond(context.responseBuilder(500, "Server Internal Error").build());
            }
            return null;
        });
        return ProcessorResult.STOP;
    }
}
