package org.switchboard.core.spi.chain;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.switchboard.core.message.SipResponse;

/**
 * What a {@link RequestProcessor} decided: pass the request on ({@link #CONTINUE}), stop because
 * the processor has answered it itself ({@link #STOP}), stop with a response for the chain to send
 * ({@link #stop(SipResponse)}), or decide later ({@link #async}) once asynchronous work (a database
 * read, a blocking authenticator) completes. Immutable.
 *
 * <p>An asynchronous result replaces parking a request: the work may complete on any thread; the
 * chain then runs the continuation on the request's shard (its call's event loop) and goes on with
 * what the continuation returns. If the request was answered meanwhile (a CANCEL answered it 487)
 * or its transaction ended, the continuation does not run and the late result is dropped.
 */
public sealed interface ProcessorResult permits ProcessorResult.Simple, ProcessorResult.Respond,
        ProcessorResult.Later {

    /** Not this processor's business; the next one decides. */
    ProcessorResult CONTINUE = Simple.CONTINUE;

    /** The request has been answered or taken over; the chain ends here. */
    ProcessorResult STOP = Simple.STOP;

    /** The chain ends with {@code response}, which the chain sends through the server transaction. */
    static ProcessorResult stop(SipResponse response) {
        return new Respond(response);
    }

    /**
     * The decision comes later: when {@code work} completes (on any thread), {@code onShard} runs on
     * the request's shard with its value and decides as a processor would; if {@code work} fails,
     * the request is answered 500.
     */
    static <T> ProcessorResult async(CompletionStage<T> work, Function<? super T, ProcessorResult> onShard) {
        return new Later<>(work, onShard);
    }

    /** The decision comes later, as the value of {@code decision}, applied on the request's shard. */
    static ProcessorResult async(CompletionStage<ProcessorResult> decision) {
        return new Later<>(decision, Function.identity());
    }

    /** The two decisions that carry nothing. */
    enum Simple implements ProcessorResult {
        CONTINUE, STOP
    }

    /** Stop and answer with {@code response}. */
    record Respond(SipResponse response) implements ProcessorResult {
        public Respond {
            Objects.requireNonNull(response, "response");
        }
    }

    /** Decide once {@code work} completes, by {@code onShard} on the request's shard. */
    record Later<T>(CompletionStage<T> work, Function<? super T, ProcessorResult> onShard)
            implements ProcessorResult {
        public Later {
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(onShard, "onShard");
        }
    }
}
