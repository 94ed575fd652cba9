package org.switchboard.accounts.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.switchboard.testkit.time.ManualClock;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.store.Ban;

class BanEventsTest {

    @Test
    void theGuardPublishesEachBanAndEachLiftAfterSavingIt() throws Exception {
        ManualClock clock = new ManualClock();
        QueuedEventBus bus = new QueuedEventBus();
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        bus.subscribe(SwitchboardEvent.class, Runnable::run, events::add);
        List<Ban> saved = new CopyOnWriteArrayList<>();
        BanListener saver = new BanListener() {
            @Override
            public void banned(Ban ban) {
                saved.add(ban);
            }

            @Override
            public void lifted(InetAddress source) {
                saved.removeIf(b -> b.source().equals(source));
            }
        };
        BruteForcePolicy policy = new BruteForcePolicy(3, Duration.ofMinutes(5), 4, 20, Duration.ofMinutes(10),
                Duration.ofHours(1), List.of(), 100);
        BruteForceGuard guard = new BruteForceGuard(policy, clock, new BanEvents(saver, bus, clock));
        InetAddress attacker = InetAddress.getByName("203.0.113.9");

        for (int user = 201; user <= 204; user++) {
            guard.recordFailure(attacker, user + "@example.com");
        }
        assertThat(saved).as("saved too").hasSize(1);
        assertThat(events).singleElement().isInstanceOfSatisfying(SwitchboardEvent.BanAdded.class, added -> {
            assertThat(added.address()).isEqualTo(attacker);
            assertThat(added.until()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
            assertThat(added.reason()).startsWith("4 different users failed");
        });

        assertThat(guard.lift(attacker)).isTrue();
        assertThat(events).hasSize(2).last().isEqualTo(new SwitchboardEvent.BanLifted(clock.instant(), attacker));
        assertThat(saved).isEmpty();
    }
}
