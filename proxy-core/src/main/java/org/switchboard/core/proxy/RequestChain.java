package org.switchboard.core.proxy;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.transaction.Shard;

/**
 * An ordered list of {@link RequestProcessor}s. A request that no processor stops is a programming
 * error in the chain's assembly, so the chain ends with a processor that always answers. A
 * processor may decide later ({@link ProcessorResult#async}): the chain then waits without holding
 * a thread and goes on with the processors after it on the request's shard.
 *
 * <p>Threading: {@link #process} runs on the request's shard; so do asynchronous continuations,
 * whichever thread completes their work. Immutable and shared by every shard.
 */
public final class RequestChain {
    private static final Logger LOG = LoggerFactory.getLogger(RequestChain.class);

    private final RequestProcessor[] processors;

    public RequestChain(List<RequestProcessor> processors) {
        this.processors = processors.toArray(new RequestProcessor[0]);
    }

    /** Runs the processors; a processor that fails answers the request with a 400 or 500. */
    public void process(RequestContext context) {
        from(context, 0);
    }

    private void from(RequestContext context, int start) {
        for (int i = start; i < processors.length; i++) {
            RequestProcessor processor = processors[i];
            ProcessorResult result;
            try {
                result = processor.process(context);
            } catch (RuntimeException e) {
                failed(context, processor, e);
                return;
            }
            if (result != ProcessorResult.CONTINUE) {
                finish(context, processor, result, i + 1);
                return;
            }
        }
        context.respond(500, "Server Internal Error");
    }

    /** Carries out a decision other than CONTINUE; {@code next} is where the chain goes on. */
    private void finish(RequestContext context, RequestProcessor processor, ProcessorResult result, int next) {
        if (result instanceof ProcessorResult.Respond respond) {
            context.respond(respond.response());
        } else if (result instanceof ProcessorResult.Later<?> later) {
            await(context, processor, later, next);
        }
        // STOP: the processor answered or took the request over
    }

    private <T> void await(RequestContext context, RequestProcessor processor, ProcessorResult.Later<T> later,
            int next) {
        Shard shard = context.shard();
        later.work().whenComplete((value, error) -> {
            Runnable resume = () -> resume(context, processor, later, value, error, next);
            if (shard == null || shard.inShard()) {
                resume.run();
            } else {
                shard.execute(resume);
            }
        });
    }

    private <T> void resume(RequestContext context, RequestProcessor processor, ProcessorResult.Later<T> later,
            T value, Throwable error, int next) {
        if (context.answered()) {
            LOG.debug("{} decided after {} (Call-ID {}) was answered; dropped", processor.getClass().getSimpleName(),
                    context.request().method(), context.request().callId());
            return;
        }
        if (error != null) {
            failed(context, processor, error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error);
            return;
        }
        ProcessorResult result;
        try {
            result = later.onShard().apply(value);
        } catch (RuntimeException e) {
            failed(context, processor, e);
            return;
        }
        if (result == ProcessorResult.CONTINUE) {
            from(context, next);
        } else {
            finish(context, processor, result, next);
        }
    }

    private static void failed(RequestContext context, RequestProcessor processor, Throwable e) {
        if (e instanceof SipParseException) {
            // a header the processor needed is malformed: the sender's fault
            context.respond(400, e.getMessage());
            return;
        }
        LOG.error("{} failed on {} from {}", processor.getClass().getSimpleName(), context.request().method(),
                context.flow().remote(), e);
        context.respond(500, "Server Internal Error");
    }
}
