package org.switchboard.core.spi.chain;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
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

    /**
     * The copy sent for {@code target} was answered 401 or 407: return the request to send to the
     * same hop in its place with credentials (RFC 3261 §22.2, §22.3: Authorization or
     * Proxy-Authorization, the CSeq increased, the same Call-ID), or {@code null} to pass the
     * challenge on to the caller as any other final response. The proxy asks once per target; only
     * a target the proxy holds credentials for (a trunk) answers, as the proxy is then the client
     * the trunk authenticates.
     *
     * @param copy a fresh copy of the request for {@code target}, with a new branch in our Via, as
     *     {@link #copy} returned it
     * @param challenge the 401 or 407
     */
    default SipRequest answerChallenge(SipRequest copy, SipResponse challenge, Target target, Destination hop) {
        return null;
    }
}
