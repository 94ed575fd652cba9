package org.switchboard.core.proxy;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * The one place every relayed request and response passes before it is sent, running the plugins'
 * {@link RelayHook}s and, for the copies of a forwarded request, the {@link TargetProcessor}s. With
 * none registered each method returns its argument after one length check.
 *
 * <p>Immutable; thread-safe.
 */
final class RelayPoint {
    static final RelayPoint NONE = new RelayPoint(ProxyHooks.NONE);

    private final RelayHook[] hooks;
    private final TargetProcessor[] targets;

    RelayPoint(ProxyHooks hooks) {
        this.hooks = hooks.relay().toArray(new RelayHook[0]);
        this.targets = hooks.targets().toArray(new TargetProcessor[0]);
    }

    /** A request leaving for {@code hop}. */
    SipRequest request(SipRequest request, Destination hop) {
        SipRequest out = request;
        for (RelayHook hook : hooks) {
            out = hook.onRequest(out, hop);
        }
        return out;
    }

    /** A response leaving upstream over {@code toward}. */
    SipResponse response(SipResponse response, Flow toward) {
        SipResponse out = response;
        for (RelayHook hook : hooks) {
            out = hook.onResponse(out, toward);
        }
        return out;
    }

    /** The target stage before a target's next hops are found. */
    Target target(Target target, SipRequest request) {
        Target out = target;
        for (TargetProcessor processor : targets) {
            out = processor.target(out, request);
        }
        return out;
    }

    /** The target stage, then the relay hooks, for one copy of a forwarded request. */
    SipRequest copy(SipRequest copy, Target target, Destination hop) {
        SipRequest out = copy;
        for (TargetProcessor processor : targets) {
            out = processor.copy(out, target, hop);
        }
        return request(out, hop);
    }

    /**
     * The target stage's answer to a 401 or 407 for {@code target} ({@link TargetProcessor#answerChallenge}):
     * the processors make their copy of {@code copy} as for any copy, the first that answers the
     * challenge gives the request, then the relay hooks see it; {@code null} when none answers.
     */
    SipRequest answerChallenge(SipRequest copy, SipResponse challenge, Target target, Destination hop) {
        SipRequest out = copy;
        for (TargetProcessor processor : targets) {
            out = processor.copy(out, target, hop);
        }
        for (TargetProcessor processor : targets) {
            SipRequest answered = processor.answerChallenge(out, challenge, target, hop);
            if (answered != null) {
                return request(answered, hop);
            }
        }
        return null;
    }
}
