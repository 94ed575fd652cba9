package org.switchboard.webadmin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.testkit.time.ManualClock;

class LoginThrottleTest {
    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15), Duration.ofHours(1), 100);

    private void fail(int times, String user, String source) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, source);
        }
    }

    @Test
    void threeFailuresAreFreeThenTheWaitDoublesUpToTheLimit() {
        fail(3, "alice", "192.0.2.1");
        assertThat(throttle.wait("alice", "192.0.2.1")).isEmpty();

        throttle.failed("alice", "192.0.2.1");
        assertThat(throttle.wait("alice", "192.0.2.1")).contains(Duration.ofSeconds(1));
        throttle.failed("alice", "192.0.2.1");
        assertThat(throttle.wait("alice", "192.0.2.1")).contains(Duration.ofSeconds(2));

        fail(20, "alice", "192.0.2.1");
        assertThat(throttle.wait("alice", "192.0.2.1")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.wait("alice", "192.0.2.1")).isEmpty();
    }

    @Test
    void aGuesserBehindTheOfficeAddressLocksOutNeitherOtherAccountsThereNorTheAccountElsewhere() {
        fail(10, "alice", "198.51.100.7");

        assertThat(throttle.wait("alice", "198.51.100.7")).isPresent();
        assertThat(throttle.wait("bob", "198.51.100.7")).isEmpty();
        assertThat(throttle.wait("alice", "203.0.113.5")).isEmpty();
    }

    @Test
    void namesAreComparedWithoutCase() {
        fail(5, "Alice", "192.0.2.1");

        assertThat(throttle.wait("alice", "192.0.2.1")).isPresent();
    }

    @Test
    void aSuccessClearsThePair() {
        fail(5, "alice", "192.0.2.1");
        throttle.succeeded("alice", "192.0.2.1");

        assertThat(throttle.wait("alice", "192.0.2.1")).isEmpty();
        assertThat(throttle.failed("alice", "192.0.2.1")).isEqualTo(1);
    }

    @Test
    void failuresLongAgoStartTheCountAfresh() {
        fail(3, "alice", "192.0.2.1");
        clock.advance(Duration.ofHours(2));

        assertThat(throttle.failed("alice", "192.0.2.1")).isEqualTo(1);
    }

    @Test
    void aFloodOfMadeUpNamesIsBoundedInMemory() {
        for (int i = 0; i < 1000; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }

        assertThat(throttle.tracked()).isEqualTo(100);
    }
}
