package org.switchboard.accounts.digest;

import java.util.Arrays;

/**
 * Stops replays (RFC 7616 §3.4.5, §5.2): remembers the highest nonce-count used with each nonce and
 * accepts a request only with a higher one.
 *
 * <p>Nonces are known by their serial ({@link NonceCodec}), which picks one of {@code capacity}
 * slots; a slot holds the serial, issue time and highest count of the latest nonce used in it, in
 * three arrays allocated once. Why not a map of nonces: at thousands of registrations a second its
 * entries lived long enough to be promoted and filled the old generation with garbage.
 *
 * <p>Memory is bounded by {@code capacity}: a nonce is forgotten when a later one takes its slot,
 * and from then on it is refused as if stale (the client retries with a fresh nonce), so
 * forgetting never reopens a replay. Thread-safe (one short lock); does not block; allocates
 * nothing.
 */
public final class NonceCountTracker {
    private static final long FREE = Long.MIN_VALUE;

    private final long[] serials;
    private final long[] issuedAt;
    private final long[] highestCounts;

    public NonceCountTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        serials = new long[capacity];
        issuedAt = new long[capacity];
        highestCounts = new long[capacity];
        Arrays.fill(serials, FREE);
    }

    /**
     * Records the use of {@code nonceCount} with the nonce of {@code serial} issued at {@code
     * issuedAtMillis}.
     *
     * @return {@code true} if it is higher than any count seen with this nonce; {@code false} for a
     *     replay, or for a nonce that may have been used and forgotten
     */
    public synchronized boolean accept(long serial, long issuedAtMillis, long nonceCount) {
        int slot = (int) Math.floorMod(serial, (long) serials.length);
        long held = serials[slot];
        if (held == serial && issuedAt[slot] == issuedAtMillis) {
            if (nonceCount <= highestCounts[slot]) {
                return false;
            }
            highestCounts[slot] = nonceCount;
            return true;
        }
        if (held != FREE && held >= serial) {
            // a later nonce (or another issuer's with this serial) holds the slot: this one may have been forgotten
            return false;
        }
        serials[slot] = serial;
        issuedAt[slot] = issuedAtMillis;
        highestCounts[slot] = nonceCount;
        return true;
    }
}
