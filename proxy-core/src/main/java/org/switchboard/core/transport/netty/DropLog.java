package org.switchboard.core.transport.netty;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs messages the server drops at INFO, where an admin sees them, but at most one line per
 * interval, so that a flood of garbage cannot flood the log: the first drop of an interval is
 * logged with what, who and why, and the number left out since the last line is added to the
 * next. Every drop is logged at DEBUG. Thread-safe; never blocks.
 */
final class DropLog {
    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextLineAt;
    private final LongAdder leftOut = new LongAdder();

    DropLog(Logger log, long intervalNanos, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
        this.nextLineAt = new AtomicLong(nanoClock.getAsLong());
    }

    /** @param what what was dropped, from whom and why, as one line */
    void dropped(String what) {
        long now = nanoClock.getAsLong();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            long others = leftOut.sumThenReset();
            if (others > 0) {
                log.info("{} ({} more dropped since the last such line)", what, others);
            } else {
                log.info(what);
            }
            return;
        }
        leftOut.increment();
        log.debug(what);
    }
}
