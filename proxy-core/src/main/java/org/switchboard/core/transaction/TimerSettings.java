package org.switchboard.core.transaction;

import org.switchboard.core.transport.Transport;

/**
 * The base timer values of RFC 3261 §17 (Table 4) and the timers derived from them. The derived
 * timers that only absorb retransmissions are zero on reliable transports.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param t1Millis the round-trip estimate T1 (default 500 ms)
 * @param t2Millis the cap on retransmit intervals T2 (default 4 s)
 * @param t4Millis how long a message may linger in the network, T4 (default 5 s)
 */
public record TimerSettings(long t1Millis, long t2Millis, long t4Millis) {

    /** The RFC 3261 defaults: T1 = 500 ms, T2 = 4 s, T4 = 5 s. */
    public static final TimerSettings DEFAULTS = new TimerSettings(500, 4_000, 5_000);

    /** How long an INVITE server transaction waits for the TU's provisional before sending 100 (§17.2.1). */
    public static final long TRYING_DELAY_MILLIS = 200;

    private static final long TIMER_D_UNRELIABLE_MILLIS = 32_000;

    public TimerSettings {
        if (t1Millis <= 0 || t2Millis < t1Millis || t4Millis <= 0) {
            throw new IllegalArgumentException("Need 0 < T1 <= T2 and T4 > 0, got T1=" + t1Millis
                    + " T2=" + t2Millis + " T4=" + t4Millis);
        }
    }

    /** 64*T1: Timers B, F, H, J (unreliable), L and M. */
    public long transactionTimeoutMillis() {
        return 64 * t1Millis;
    }

    /** Timer D: wait time for response retransmissions, 32 s on UDP, 0 on reliable (§17.1.1.2). */
    public long timerDMillis(Transport transport) {
        return transport.isReliable() ? 0 : TIMER_D_UNRELIABLE_MILLIS;
    }

    /** Timer I: wait time for ACK retransmissions, T4 on UDP, 0 on reliable (§17.2.1). */
    public long timerIMillis(Transport transport) {
        return transport.isReliable() ? 0 : t4Millis;
    }

    /** Timer J: wait time for non-INVITE request retransmissions, 64*T1 on UDP, 0 on reliable (§17.2.2). */
    public long timerJMillis(Transport transport) {
        return transport.isReliable() ? 0 : transactionTimeoutMillis();
    }

    /** Timer K: wait time for response retransmissions, T4 on UDP, 0 on reliable (§17.1.2.2). */
    public long timerKMillis(Transport transport) {
        return transport.isReliable() ? 0 : t4Millis;
    }

    /** The next retransmit interval for Timers E and G: doubled, capped at T2 (§17.1.2.2, §17.2.1). */
    public long nextCappedInterval(long interval) {
        return Math.min(2 * interval, t2Millis);
    }
}
