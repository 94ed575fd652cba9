package org.switchboard.core.spi.chain;

import java.util.List;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.route.Target;

/**
 * The response stage: told when every target of a forwarded request has failed or its ring time
 * ended, before the proxy chooses the best response for the caller (RFC 3261 §16.7 step 5 lets a
 * proxy add targets then), and may add targets: forward on busy or no answer, voicemail. Not called
 * once the caller cancelled, after a 6xx, or after a 2xx. Processors run in the order added; the
 * targets of all are started together, each at most once per request.
 *
 * <p>Threading: called on the call's shard; must not block. Implementations are thread-safe.
 */
public interface ResponseProcessor {

    /**
     * @param request the forwarded request
     * @param best the response the caller would get now (a 486 from a busy phone, a 408 when the
     *     ring time ended)
     * @return targets to try next, or an empty list
     */
    List<Target> onFailure(SipRequest request, SipResponse best);
}
