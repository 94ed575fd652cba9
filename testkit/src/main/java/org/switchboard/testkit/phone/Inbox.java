package org.switchboard.testkit.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a phone has received and no script has taken yet, in arrival order. Readers add from their
 * threads; the test takes the first entry that matches what it waits for, leaving others for later
 * expectations; a history keeps everything for assertions over all that arrived. Thread-safe.
 */
final class Inbox {
    private final List<Received> entries = new ArrayList<>();
    private final List<Received> history = new ArrayList<>();

    synchronized void add(Received received) {
        entries.add(received);
        history.add(received);
        notifyAll();
    }

    /**
     * Takes the first entry that matches, waiting up to the time for one to arrive.
     *
     * @return the entry, or {@code null} if none matched in time
     */
    synchronized Received take(Predicate<Received> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Iterator<Received> it = entries.iterator();
            while (it.hasNext()) {
                Received r = it.next();
                if (wanted.test(r)) {
                    it.remove();
                    return r;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Everything received so far, taken or not, in arrival order. */
    synchronized List<Received> history() {
        return List.copyOf(history);
    }

    /** Everything not taken, for failure messages. */
    synchronized List<Received> snapshot() {
        return List.copyOf(entries);
    }
}
