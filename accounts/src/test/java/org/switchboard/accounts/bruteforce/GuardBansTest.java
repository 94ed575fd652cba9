package org.switchboard.accounts.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.store.Database;
import org.switchboard.store.TestDatabases.Engine;
import org.switchboard.store.bans.JdbcBanStore;
import org.switchboard.testkit.time.ManualClock;

/** The bans service over the real guard, its saver and an H2 ban store: list, add, lift. */
class GuardBansTest {
    private final ManualClock clock = new ManualClock();
    private final Database db = Engine.H2.open();
    private final JdbcBanStore store = new JdbcBanStore(db);
    private final BanSaver saver = new BanSaver(store);
    private final QueuedEventBus bus = new QueuedEventBus();
    private final List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
    private final BruteForceGuard guard = new BruteForceGuard(
            BruteForcePolicy.defaults().withTrustedNetworks(List.of(Cidr.parse("10.0.0.0/8"))), clock,
            new BanEvents(saver, bus, clock));
    private final GuardBans bans = new GuardBans(guard);

    GuardBansTest() {
        bus.subscribe(SwitchboardEvent.class, Runnable::run, events::add);
    }

    @AfterEach
    void close() {
        saver.close();
        db.close();
    }

    @Test
    void anAddedBanIsInForceListedSavedAndPublished() throws Exception {
        InetAddress source = InetAddress.getByName("203.0.113.7");

        Ban ban = bans.add(source, Duration.ofMinutes(30), "scanner seen by the admin");
        saver.close();

        assertThat(ban.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(guard.isBanned(source)).isTrue();
        assertThat(bans.list()).containsExactly(ban);
        assertThat(store.load()).extracting(Ban::source, Ban::until).containsExactly(tuple(source, ban.until()));
        assertThat(events).containsExactly(new SwitchboardEvent.BanAdded(clock.instant(), source, ban.until(),
                "scanner seen by the admin"));
    }

    @Test
    void aLiftedBanIsNoLongerInForceListedOrSaved() throws Exception {
        InetAddress source = InetAddress.getByName("203.0.113.8");
        bans.add(source, Duration.ofMinutes(30), "test");

        assertThat(bans.lift(source)).isTrue();
        assertThat(bans.lift(source)).isFalse();
        saver.close();

        assertThat(guard.isBanned(source)).isFalse();
        assertThat(bans.list()).isEmpty();
        assertThat(store.load()).isEmpty();
        assertThat(events).last().isEqualTo(new SwitchboardEvent.BanLifted(clock.instant(), source));
    }

    @Test
    void expiredBansAreNotListed() throws Exception {
        bans.add(InetAddress.getByName("203.0.113.9"), Duration.ofMinutes(1), "short");
        clock.advance(Duration.ofMinutes(2));

        assertThat(bans.list()).isEmpty();
    }

    @Test
    void refusesToBanATrustedSourceOrForNoTime() throws Exception {
        assertThatThrownBy(() -> bans.add(InetAddress.getByName("10.1.2.3"), Duration.ofMinutes(5), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted");
        assertThatThrownBy(() -> bans.add(InetAddress.getByName("203.0.113.10"), Duration.ZERO, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bans.list()).isEmpty();
    }
}
