package org.switchboard.registrar.register;

import org.switchboard.core.message.SipMethod;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * The registrar in the request chain: hands every REGISTER to the {@link RegisterHandler}, which
 * answers it at once or in an asynchronous step once the binding is durable; other methods pass on.
 *
 * <p><b>Threading:</b> {@link #process} runs on the request's shard and never blocks: the handler
 * answers from memory and leaves the durable write to the binding writer.
 */
public final class RegistrarProcessor implements RequestProcessor {
    private final RegisterHandler handler;

    public RegistrarProcessor(RegisterHandler handler) {
        this.handler = handler;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        if (!context.request().isMethod(SipMethod.REGISTER)) {
            return ProcessorResult.CONTINUE;
        }
        return handler.handle(context);
    }
}
