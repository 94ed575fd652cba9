package org.switchboard.server.warmup;

import java.util.List;
import org.switchboard.core.message.SipResponse;

/**
 * One synthetic exchange in flight, a registration or a call, advanced by the responses it gets.
 * Used by one thread.
 */
abstract class Exchange {
    final String callId = SipText.newTag() + "@warmup";
    final long startedNanos = System.nanoTime();
    private String failure;
    private boolean done;

    /** The request that opens the exchange. */
    abstract byte[] first();

    /** What to send in answer to {@code response} (nothing, one or more requests). */
    abstract List<byte[]> onResponse(SipResponse response);

    final void succeed() {
        done = true;
    }

    final void fail(String why) {
        done = true;
        failure = why;
    }

    final boolean done() {
        return done;
    }

    /** Why the exchange failed, or {@code null}. */
    final String failure() {
        return failure;
    }
}
