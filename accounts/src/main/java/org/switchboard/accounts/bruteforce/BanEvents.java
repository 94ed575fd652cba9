package org.switchboard.accounts.bruteforce;

import java.net.InetAddress;
import java.time.Clock;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.store.Ban;

/**
 * Publishes each ban the {@link BruteForceGuard} makes and each lift on the event bus ({@link
 * SwitchboardEvent.BanAdded}, {@link SwitchboardEvent.BanLifted}), after telling {@code next} (which
 * saves it).
 *
 * <p>Threading: as {@link BanListener}: on the thread that caused it; never blocks (publishing
 * does not).
 */
public final class BanEvents implements BanListener {
    private final BanListener next;
    private final EventBus events;
    private final Clock clock;

    public BanEvents(BanListener next, EventBus events, Clock clock) {
        this.next = next;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void banned(Ban ban) {
        next.banned(ban);
        events.publish(new SwitchboardEvent.BanAdded(ban.since(), ban.source(), ban.until(), ban.reason()));
    }

    @Override
    public void lifted(InetAddress source) {
        next.lifted(source);
        events.publish(new SwitchboardEvent.BanLifted(clock.instant(), source));
    }
}
