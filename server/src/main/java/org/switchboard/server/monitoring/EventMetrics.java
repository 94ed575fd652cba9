package org.switchboard.server.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.switchboard.core.spi.event.SwitchboardEvent;

/**
 * Metrics taken from the event bus: registrations, bans and calls. The calls in progress are followed
 * by Call-ID from {@link SwitchboardEvent.CallStarted} to the {@link SwitchboardEvent.CallEnded}
 * that ends them; at most {@value #MAX_FOLLOWED} at once, beyond which the oldest is forgotten (so a
 * lost BYE costs bounded memory, as in the call records). A BYE of a call not followed (published
 * once per forwarded dialog, or of a call begun before the start) is not counted.
 *
 * <p>Threading: not thread-safe; subscribe it with an executor that runs one event at a time (the
 * event bus calls a listener for one event at a time). It never runs on the SIP threads.
 */
final class EventMetrics implements Consumer<SwitchboardEvent> {
    static final int MAX_FOLLOWED = 100_000;

    private final MeterRegistry registry;
    private final Counter registrations;
    private final Counter removed;
    private final Counter expired;
    private final Counter bansAdded;
    private final Counter bansLifted;
    private final Counter attempts;
    private final Counter answered;
    private final Counter hungUp;
    /** The Call-IDs of the calls followed, oldest first (the values are unused). */
    private final Map<String, Boolean> calls = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_FOLLOWED;
        }
    };
    /** The size of {@link #calls}, published for the gauge, which is read on other threads. */
    private volatile int active;

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        registrations = Counter.builder("switchboard.registrar.registrations")
                .description("Contacts bound or refreshed by REGISTER, once durable").register(registry);
        removed = Counter.builder("switchboard.registrar.unregistrations").tag("reason", "removed")
                .description("Contact bindings that ended").register(registry);
        expired = Counter.builder("switchboard.registrar.unregistrations").tag("reason", "expired")
                .description("Contact bindings that ended").register(registry);
        bansAdded = Counter.builder("switchboard.bans.added").description("Addresses banned by the brute-force guard")
                .register(registry);
        bansLifted = Counter.builder("switchboard.bans.lifted").description("Bans that expired or were lifted")
                .register(registry);
        attempts = Counter.builder("switchboard.calls.attempts").description("Initial INVITEs forwarded")
                .register(registry);
        answered = Counter.builder("switchboard.calls.answered").description("Calls answered (first 2xx to the caller)")
                .register(registry);
        hungUp = Counter.builder("switchboard.calls.ended").description("Answered calls ended by a BYE")
                .register(registry);
        Gauge.builder("switchboard.calls.active", this, metrics -> metrics.active)
                .description("Calls ringing or answered and not yet ended").strongReference(true).register(registry);
    }

    @Override
    public void accept(SwitchboardEvent event) {
        // Java 17 has no pattern switch over the sealed events
        if (event instanceof SwitchboardEvent.Registered) {
            registrations.increment();
        } else if (event instanceof SwitchboardEvent.Unregistered unregistered) {
            (unregistered.expired() ? expired : removed).increment();
        } else if (event instanceof SwitchboardEvent.BanAdded) {
            bansAdded.increment();
        } else if (event instanceof SwitchboardEvent.BanLifted) {
            bansLifted.increment();
        } else if (event instanceof SwitchboardEvent.CallStarted started) {
            attempts.increment();
            calls.put(started.callId(), Boolean.TRUE);
        } else if (event instanceof SwitchboardEvent.CallAnswered) {
            answered.increment();
        } else if (event instanceof SwitchboardEvent.CallEnded ended) {
            ended(ended);
        }
        active = calls.size();
    }

    private void ended(SwitchboardEvent.CallEnded ended) {
        if (ended.reason() == SwitchboardEvent.EndReason.NOT_ANSWERED) {
            calls.remove(ended.callId());
            Counter.builder("switchboard.calls.failed").tag("code", Integer.toString(ended.status()))
                    .description("Calls not answered, by the final status the caller got (487: cancelled)")
                    .register(registry).increment();
        } else if (calls.remove(ended.callId()) != null) {
            hungUp.increment();
        }
    }
}
