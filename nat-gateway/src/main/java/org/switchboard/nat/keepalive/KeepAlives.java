package org.switchboard.nat.keepalive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.service.ContactRemoval;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.nat.detect.NatSettings;

/**
 * The NATed UDP flows this node holds, pinged so that their NAT mappings stay open and calls reach
 * the phones behind them after the NAT's idle timeout. A flow is taken on when the NAT gateway
 * decides a REGISTER's contact is NATed ({@link #registering}) and pinged once the registrar says the
 * binding is stored ({@link #registered}); it is let go when the contact is unregistered or expires.
 * Only the node a phone registered with sees its REGISTER, so only that node pings its flow.
 *
 * <p>Every {@link NatSettings#keepaliveInterval()} each flow gets a ping, one at a time. A ping left
 * unanswered marks the flow (logged, counted); any answer clears the mark. A flow still unanswered
 * {@link NatSettings#keepaliveGrace()} after its first unanswered ping is dead: its binding is
 * removed through the registrar ({@link ContactRemoval}), logged and counted. A registration that
 * never completes is forgotten after {@link #PENDING}.
 *
 * <p>Threading: {@link #tick} runs on one scheduler thread; the other methods may be called from
 * any thread (event loops, the event bus). Never blocks.
 */
public final class KeepAlives {
    /** How long a NATed REGISTER may wait for its binding to be stored before it is forgotten. */
    static final Duration PENDING = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(KeepAlives.class);

    /** A binding by address-of-record and Contact URI. */
    private record Key(String aor, String contact) {
    }

    /** One flow's state; guarded by itself. */
    private static final class Entry {
        final AddressOfRecord aor;
        final String contact;
        final Flow flow;
        final Instant since;
        boolean stored;
        boolean awaiting;
        Instant nextPing;
        Instant firstUnanswered;

        Entry(AddressOfRecord aor, String contact, Flow flow, Instant since) {
            this.aor = aor;
            this.contact = contact;
            this.flow = flow;
            this.since = since;
            this.nextPing = since;
        }
    }

    private final Map<Key, Entry> flows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Supplier<NatSettings> settings;
    private final Pinger pinger;
    private final ContactRemoval removal;
    private final LongAdder pings = new LongAdder();
    private final LongAdder marked = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    public KeepAlives(Clock clock, Supplier<NatSettings> settings, Pinger pinger, ContactRemoval removal) {
        this.clock = clock;
        this.settings = settings;
        this.pinger = pinger;
        this.removal = removal;
    }

    /**
     * A REGISTER adds or refreshes {@code contact} of {@code aor} from behind a NAT over {@code
     * flow}. UDP flows only: a TCP or TLS phone keeps its connection open itself (RFC 5626 §4.4.1).
     */
    public void registering(AddressOfRecord aor, String contact, Flow flow) {
        Key key = new Key(aor.toString(), contact);
        if (flow.transport() != Transport.UDP) {
            flows.remove(key);
            return;
        }
        flows.compute(key, (k, old) -> old != null && old.flow.equals(flow) ? old
                : new Entry(aor, contact, flow, clock.instant()));
    }

    /** A REGISTER adds or refreshes {@code contact} of {@code aor}, not from behind a NAT (any more). */
    public void notNated(AddressOfRecord aor, String contact) {
        flows.remove(new Key(aor.toString(), contact));
    }

    /** The registrar stored the binding ({@code Registered}); its flow is pinged from now on. */
    public void registered(String aor, String contact) {
        Entry entry = flows.get(new Key(aor, contact));
        if (entry != null) {
            synchronized (entry) {
                entry.stored = true;
            }
        }
    }

    /** The binding is gone ({@code Unregistered}: removed, expired or replaced). */
    public void unregistered(String aor, String contact) {
        flows.remove(new Key(aor, contact));
    }

    /** Pings the flows that are due, drops the dead ones and forgets stale registrations. */
    public void tick() {
        NatSettings now = settings.get();
        Instant at = clock.instant();
        for (Map.Entry<Key, Entry> e : flows.entrySet()) {
            Entry entry = e.getValue();
            boolean ping = false;
            boolean dead = false;
            synchronized (entry) {
                if (!entry.stored) {
                    if (!at.isBefore(entry.since.plus(PENDING))) {
                        flows.remove(e.getKey(), entry);
                    }
                    continue;
                }
                if (entry.firstUnanswered != null && !at.isBefore(entry.firstUnanswered.plus(now.keepaliveGrace()))) {
                    dead = true;
                } else if (!now.keepaliveInterval().isZero() && !entry.awaiting && !at.isBefore(entry.nextPing)) {
                    entry.awaiting = true;
                    entry.nextPing = at.plus(now.keepaliveInterval());
                    ping = true;
                }
            }
            if (dead) {
                drop(e.getKey(), entry);
            } else if (ping) {
                pings.increment();
                Instant sent = at;
                pinger.ping(entry.aor, entry.contact, entry.flow, answered -> answered(entry, sent, answered));
            }
        }
    }

    private void answered(Entry entry, Instant sent, boolean answered) {
        synchronized (entry) {
            entry.awaiting = false;
            if (answered) {
                if (entry.firstUnanswered != null) {
                    LOG.info("NAT keep-alive: {} at {} ({}) answers again", entry.aor, entry.contact, entry.flow);
                }
                entry.firstUnanswered = null;
                return;
            }
            if (entry.firstUnanswered != null) {
                return;
            }
            entry.firstUnanswered = sent;
        }
        marked.increment();
        LOG.info("NAT keep-alive: {} at {} ({}) left a ping unanswered; its binding is dropped unless it answers "
                + "within {} s", entry.aor, entry.contact, entry.flow, settings.get().keepaliveGrace().toSeconds());
    }

    private void drop(Key key, Entry entry) {
        if (!flows.remove(key, entry)) {
            return;
        }
        dropped.increment();
        LOG.warn("NAT keep-alive: {} at {} ({}) has not answered since {}; its binding is dropped", entry.aor,
                entry.contact, entry.flow, entry.firstUnanswered);
        removal.remove(entry.aor, entry.contact).whenComplete((removed, error) -> {
            if (error != null) {
                LOG.warn("NAT keep-alive: could not drop the binding of {} at {}: {}", entry.aor, entry.contact,
                        error.getMessage());
            }
        });
    }

    /** How many flows are followed (stored or waiting to be). */
    public int size() {
        return flows.size();
    }

    /** Pings sent since start. */
    public long pingCount() {
        return pings.sum();
    }

    /** Flows marked for leaving a ping unanswered, since start. */
    public long markedCount() {
        return marked.sum();
    }

    /** Bindings dropped because their flow stopped answering, since start. */
    public long droppedCount() {
        return dropped.sum();
    }
}
