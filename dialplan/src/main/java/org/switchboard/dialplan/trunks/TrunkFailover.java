package org.switchboard.dialplan.trunks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.route.Target;

/**
 * Failover between trunks: a rule forwarding to several trunks tries them in order. The router
 * starts the first and leaves the others here; when the call then fails with a 5xx, a 408 (the
 * trunk did not answer, or its ring time ended) or a transport failure (which the proxy counts as
 * 503), the response stage starts the next (RFC 3261 §16.7 step 5 lets a proxy add targets before
 * it chooses the best response). Any other failure, a busy callee or a 404 from the provider, is
 * the call's answer: another trunk would say the same. At most {@code capacity} calls are
 * remembered, the oldest forgotten first, and a call is forgotten when it ends.
 *
 * <p>Threading: on the calls' shards; one lock over a small map. Never blocks.
 */
public final class TrunkFailover implements ResponseProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkFailover.class);

    private final Map<String, Deque<Target>> next;
    private final Consumer<String> leaving;

    /**
     * @param capacity the most calls with trunks left remembered at once
     * @param leaving told the Call-ID of a call that leaves its trunk for the next
     */
    public TrunkFailover(int capacity, Consumer<String> leaving) {
        this.leaving = leaving;
        this.next = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Target>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The trunks to try, in order, should the first fail, for the call of {@code callId}. */
    public void remember(String callId, List<Target> rest) {
        if (rest.isEmpty()) {
            return;
        }
        synchronized (next) {
            next.put(callId, new ArrayDeque<>(rest));
        }
    }

    @Override
    public List<Target> onFailure(SipRequest request, SipResponse best) {
        int status = best.statusCode();
        synchronized (next) {
            Deque<Target> left = next.get(request.callId());
            if (left == null) {
                return List.of();
            }
            if ((status < 500 || status >= 600) && status != 408) {
                next.remove(request.callId());
                return List.of();
            }
            Target target = left.poll();
            if (left.isEmpty()) {
                next.remove(request.callId());
            }
            leaving.accept(request.callId());
            LOG.info("Trunk failover: {} (Call-ID {}) failed with {} {}; trying {}", request.requestUri(),
                    request.callId(), status, best.reasonPhrase(), target.uri());
            return List.of(target);
        }
    }

    /** Forgets a call (it ended). */
    public void forget(String callId) {
        synchronized (next) {
            next.remove(callId);
        }
    }
}
