package org.switchboard.core.proxy;

/**
 * What a {@link RequestProcessor} decided: pass the request on to the next processor, or stop
 * because the processor has answered it (or handed it on asynchronously).
 */
public enum ProcessorResult {
    /** Not this processor's business; the next one decides. */
    CONTINUE,
    /** The request has been answered or taken over; the chain ends here. */
    STOP
}
