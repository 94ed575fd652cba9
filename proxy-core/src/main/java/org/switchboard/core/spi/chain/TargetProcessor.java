package org.switchboard.core.spi.chain;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;

/**
 * The target stage: sees each target of a forwarded request before its next hop is found, and each
 * outgoing copy before it is sent, and may change either (choose the flow to reach a phone, add
 * credentials for a trunk). Processors run in the order added.
 *
 * <p>Threading: called on the call's shard; must not block. Implementations are thread-safe.
 */
public interface TargetProcessor {

    /**
     * A target about to be started; return it, or another one (another flow, another route set).
     *
     * @param request the request being forwarded
     */
    default Target target(Target target, SipRequest request) {
        return target;
    }

    /**
     * The copy of the request for {@code target}, built for {@code hop} (our Via on top); return it,
     * or a rewritten copy ({@code toBuilder()}).
     */
    default SipRequest copy(SipRequest copy, Target target, Destination hop) {
        return copy;
    }
}
