package org.switchboard.registrar.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.registrar.TestClock;

class BruteForceGuardTest {
    private final TestClock clock = new TestClock();
    private final BruteForcePolicy policy = new BruteForcePolicy(3, 5, Duration.ofMinutes(10), Duration.ofHours(1),
            List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32")), 100);
    private final BruteForceGuard guard = new BruteForceGuard(policy, clock);

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void sourceIsBannedAfterTheThirdFailureInTheWindow() throws Exception {
        InetAddress attacker = ip("203.0.113.9");
        guard.recordFailure(attacker, "201@example.com");
        guard.recordFailure(attacker, "202@example.com");
        assertThat(guard.activeBan(attacker)).isEmpty();

        assertThat(guard.recordFailure(attacker, "203@example.com")).isPresent();

        assertThat(guard.activeBan(attacker)).hasValueSatisfying(b -> {
            assertThat(b.until()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
            assertThat(b.reason()).startsWith("3 failed authentications from this address");
        });
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() throws Exception {
        InetAddress phone = ip("198.51.100.7");
        guard.recordFailure(phone, "201@example.com");
        guard.recordFailure(phone, "201@example.com");
        clock.advance(Duration.ofMinutes(11));

        assertThat(guard.recordFailure(phone, "201@example.com")).isEmpty();
    }

    @Test
    void manyAddressesGuessingOneUserGetBanned() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(guard.recordFailure(ip("192.0.2." + i), "201@example.com")).isEmpty();
        }

        assertThat(guard.recordFailure(ip("192.0.2.5"), "201@example.com"))
                .hasValueSatisfying(b -> assertThat(b.reason()).contains("for user 201@example.com"));
    }

    @Test
    void trustedNetworksAreNeverBanned() throws Exception {
        for (String trusted : List.of("10.1.2.3", "2001:db8:1::5")) {
            for (int i = 0; i < 10; i++) {
                assertThat(guard.recordFailure(ip(trusted), "201@example.com")).isEmpty();
            }
            assertThat(guard.activeBan(ip(trusted))).isEmpty();
        }
    }

    @Test
    void banExpiresByItself() throws Exception {
        InetAddress attacker = ip("203.0.113.9");
        for (int i = 0; i < 3; i++) {
            guard.recordFailure(attacker, null);
        }
        clock.advance(Duration.ofMinutes(59));
        assertThat(guard.bans()).extracting(Ban::source).containsExactly(attacker);

        clock.advance(Duration.ofMinutes(1));

        assertThat(guard.activeBan(attacker)).isEmpty();
        assertThat(guard.bans()).isEmpty();
    }

    @Test
    void banCanBeLifted() throws Exception {
        InetAddress attacker = ip("203.0.113.9");
        for (int i = 0; i < 3; i++) {
            guard.recordFailure(attacker, null);
        }

        assertThat(guard.lift(attacker)).isTrue();
        assertThat(guard.activeBan(attacker)).isEmpty();
        assertThat(guard.lift(attacker)).isFalse();
    }

    @Test
    void trackedSourcesAreBounded() throws Exception {
        BruteForceGuard small = new BruteForceGuard(
                new BruteForcePolicy(2, 100, Duration.ofMinutes(10), Duration.ofHours(1), List.of(), 2), clock);
        small.recordFailure(ip("192.0.2.1"), null);
        small.recordFailure(ip("192.0.2.2"), null);
        small.recordFailure(ip("192.0.2.3"), null);

        assertThat(small.recordFailure(ip("192.0.2.1"), null)).isEmpty();
    }
}
