package org.switchboard.dialplan.features;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.route.Target;

/**
 * Forwarding on busy and on no answer, in the proxy's response stage (RFC 3261 §16.7 step 5: a
 * proxy may add targets before it answers). The {@link FeatureRouter} leaves, per forwarded request,
 * where its call goes if the user's phones (and follow-me targets) fail; when the best response is
 * then 486 Busy Here the busy targets ring, when it is 408 (the ring time ended), 480 or 487 the
 * no-answer targets do. Once per call: the targets added are not themselves forwarded again. A 600
 * Busy Everywhere is not forwarded: after a 6xx a proxy must not start new branches (§16.7 step 6),
 * and the response stage is not asked.
 *
 * <p>The requests are held weakly, by identity (a {@code SipRequest} has no equality of its own):
 * the proxy's context for the call holds the request until its final response, so an entry lives as
 * long as the call is being set up and goes with it. Threading: called on the calls' shards; the map
 * is synchronized, held for a lookup only.
 */
public final class FailureForwarding implements ResponseProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(FailureForwarding.class);

    /** Where a call goes after its phones failed. */
    record AfterFailure(String callee, List<Target> onBusy, List<Target> onNoAnswer) {
    }

    private final Map<SipRequest, AfterFailure> pending = Collections.synchronizedMap(new WeakHashMap<>());

    /** Called by the router for a request it forwards to a user's phones. */
    void expect(SipRequest request, AfterFailure after) {
        pending.put(request, after);
    }

    @Override
    public List<Target> onFailure(SipRequest request, SipResponse best) {
        AfterFailure after = pending.remove(request);
        if (after == null) {
            return List.of();
        }
        int status = best.statusCode();
        List<Target> next = switch (status) {
            case 486 -> after.onBusy();
            case 408, 480, 487 -> after.onNoAnswer();
            default -> List.of();
        };
        if (!next.isEmpty()) {
            LOG.debug("Call {} to {} failed with {}: forwarded to {}", request.callId(), after.callee(), status, next);
        }
        return next;
    }
}
