package org.switchboard.registrar.digest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops replays (RFC 7616 §3.4.5, §5.2): remembers the highest nonce-count used with each nonce and
 * accepts a request only with a higher one.
 *
 * <p>Memory is bounded: beyond {@code capacity} nonces the least recently used is forgotten, and
 * from then on every nonce issued no later than a forgotten one is refused as if stale (the client
 * retries with a fresh nonce), so forgetting never reopens a replay. Thread-safe (one short lock);
 * does not block.
 */
public final class NonceCountTracker {
    private record Seen(long issuedAtMillis, long highestCount) {
    }

    private final int capacity;
    private final Map<String, Seen> seen;
    private long forgottenUpTo = Long.MIN_VALUE;

    public NonceCountTracker(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * Records the use of {@code nonceCount} with {@code nonce}.
     *
     * @return {@code true} if it is higher than any count seen with this nonce; {@code false} for a
     *     replay, or for a nonce that may have been used and forgotten
     */
    public synchronized boolean accept(String nonce, long issuedAtMillis, long nonceCount) {
        Seen previous = seen.get(nonce);
        if (previous == null) {
            if (issuedAtMillis <= forgottenUpTo) {
                return false;
            }
        } else if (nonceCount <= previous.highestCount()) {
            return false;
        }
        seen.put(nonce, new Seen(issuedAtMillis, nonceCount));
        if (seen.size() > capacity) {
            var eldest = seen.entrySet().iterator();
            Seen evicted = eldest.next().getValue();
            eldest.remove();
            forgottenUpTo = Math.max(forgottenUpTo, evicted.issuedAtMillis());
        }
        return true;
    }
}
