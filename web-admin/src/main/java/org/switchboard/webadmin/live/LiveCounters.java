package org.switchboard.webadmin.live;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;

/**
 * The dashboard's live numbers, kept from the event bus since the plugin started: calls in progress
 * (started, not yet ended), calls started and answered, and the addresses banned now. At most
 * {@value #MAX_TRACKED} calls and bans are tracked, so events that never get their pair (a call
 * dropped from memory) cost bounded memory. The listeners never block (they run on the publisher's
 * thread). Thread-safe.
 */
public final class LiveCounters {
    static final int MAX_TRACKED = 100_000;

    private final Set<String> activeCalls = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Instant> bans = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Instant since;

    public LiveCounters(Instant since) {
        this.since = since;
    }

    /** Starts counting what {@code events} publishes. */
    public void listenTo(EventBus events) {
        events.subscribe(SwitchboardEvent.CallStarted.class, Runnable::run, e -> {
            started.incrementAndGet();
            if (activeCalls.size() < MAX_TRACKED) {
                activeCalls.add(e.callId());
            }
        });
        events.subscribe(SwitchboardEvent.CallAnswered.class, Runnable::run, e -> answered.incrementAndGet());
        events.subscribe(SwitchboardEvent.CallEnded.class, Runnable::run, e -> activeCalls.remove(e.callId()));
        events.subscribe(SwitchboardEvent.BanAdded.class, Runnable::run, e -> {
            if (bans.size() < MAX_TRACKED) {
                bans.put(e.address(), e.until());
            }
        });
        events.subscribe(SwitchboardEvent.BanLifted.class, Runnable::run, e -> bans.remove(e.address()));
    }

    public int activeCalls() {
        return activeCalls.size();
    }

    public long callsStarted() {
        return started.get();
    }

    public long callsAnswered() {
        return answered.get();
    }

    /** Addresses whose ban has not run out at {@code now}; forgets those that have. */
    public int activeBans(Instant now) {
        bans.values().removeIf(until -> !until.isAfter(now));
        return bans.size();
    }

    /** Since when these numbers count. */
    public Instant since() {
        return since;
    }
}
