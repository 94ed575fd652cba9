package org.switchboard.core.transaction;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.switchboard.testkit.time.ManualClock;

/**
 * A shard for tests: tasks run at once on the calling thread, queued behind a task already
 * running so that tasks never nest; {@link #inShard()} is true only while a task runs.
 */
public final class ManualShard implements Shard, Executor {
    private final ManualClock clock;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public ManualShard(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (running) {
            return;
        }
        running = true;
        try {
            Runnable next;
            while ((next = tasks.poll()) != null) {
                next.run();
            }
        } finally {
            running = false;
        }
    }

    @Override
    public TimerHandle schedule(Runnable task, long delayMillis) {
        ManualClock.Timer timer = clock.schedule(task, delayMillis, this);
        return timer::cancel;
    }

    @Override
    public long nowMillis() {
        return clock.elapsedMillis();
    }

    @Override
    public boolean inShard() {
        return running;
    }
}
