package org.switchboard.nat.media;

/**
 * The range of UDP ports the relay may use, handed out in pairs: an even port for RTP and the next
 * one for RTCP (RFC 3550 §11). Pairs are taken round-robin from where the last one was taken, so a
 * port just given back is not reused at once (a late packet of the old call would reach the new
 * one). Bounded by the range.
 *
 * <p>Threading: thread-safe; one lock, held for a scan of the range at most.
 */
final class RelayPorts {
    private final int first;
    private final boolean[] taken;
    private int next;
    private int inUse;

    /** @param range the ports, its first rounded up to even and its last pair inside it */
    RelayPorts(PortRange range) {
        this.first = range.first() + (range.first() & 1);
        int pairs = (range.last() - first + 1) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException("the port range " + range + " holds no even/odd pair");
        }
        this.taken = new boolean[pairs];
    }

    /** A free pair's even port, now taken; -1 when every pair is taken. */
    synchronized int take() {
        for (int i = 0; i < taken.length; i++) {
            int pair = (next + i) % taken.length;
            if (!taken[pair]) {
                taken[pair] = true;
                next = (pair + 1) % taken.length;
                inUse++;
                return first + 2 * pair;
            }
        }
        return -1;
    }

    /** Gives back the pair of {@code rtpPort}. */
    synchronized void giveBack(int rtpPort) {
        int pair = (rtpPort - first) / 2;
        if (pair < 0 || pair >= taken.length || !taken[pair]) {
            throw new IllegalStateException("port " + rtpPort + " was not taken");
        }
        taken[pair] = false;
        inUse--;
    }

    /** Ports taken now (two per pair). */
    synchronized int inUse() {
        return 2 * inUse;
    }

    /** How many pairs the range holds. */
    int pairs() {
        return taken.length;
    }
}
