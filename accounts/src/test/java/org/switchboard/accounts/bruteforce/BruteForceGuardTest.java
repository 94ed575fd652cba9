package org.switchboard.accounts.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.testkit.time.ManualClock;

class BruteForceGuardTest {
    private final ManualClock clock = new ManualClock();
    /** 3 failures block a user for 5 minutes; 4 failing users or 20 failures ban the address for an hour. */
    private final BruteForcePolicy policy = new BruteForcePolicy(3, Duration.ofMinutes(5), 4, 20,
            Duration.ofMinutes(10), Duration.ofHours(1), List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32")),
            100);
    private final List<Ban> saved = new CopyOnWriteArrayList<>();
    private final List<InetAddress> lifted = new CopyOnWriteArrayList<>();
    private final BruteForceGuard guard = new BruteForceGuard(policy, clock, new BanListener() {
        @Override
        public void banned(Ban ban) {
            saved.add(ban);
        }

        @Override
        public void lifted(InetAddress source) {
            lifted.add(source);
        }
    });

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    @Test
    void aUserThatKeepsFailingIsBlockedFromThatAddressOnly() throws Exception {
        InetAddress office = ip("198.51.100.7");
        guard.recordFailure(office, "201@example.com");
        guard.recordFailure(office, "201@example.com");

        assertThat(guard.recordFailure(office, "201@example.com")).contains(in(Duration.ofMinutes(5)));

        assertThat(guard.refusedUntil(office, "201@example.com")).contains(in(Duration.ofMinutes(5)));
        assertThat(guard.refusedUntil(office, "202@example.com")).as("a neighbour behind the same NAT").isEmpty();
        assertThat(guard.refusedUntil(ip("192.0.2.1"), "201@example.com")).as("the same user elsewhere").isEmpty();
        assertThat(guard.isBanned(office)).isFalse();
        assertThat(saved).isEmpty();
    }

    @Test
    void tenWrongPasswordsFromOnePhoneNeverBanTheAddressByDefault() throws Exception {
        BruteForceGuard defaults = new BruteForceGuard(BruteForcePolicy.defaults(), clock);
        InetAddress office = ip("198.51.100.7");

        for (int i = 0; i < 10; i++) {
            defaults.recordFailure(office, "201@example.com");
        }

        assertThat(defaults.refusedUntil(office, "201@example.com")).isPresent();
        assertThat(defaults.isBanned(office)).isFalse();
        assertThat(defaults.refusedUntil(office, "202@example.com")).isEmpty();
    }

    @Test
    void aBlockEndsByItselfAndTheNextOneLastsTwiceAsLong() throws Exception {
        InetAddress office = ip("198.51.100.7");
        for (int i = 0; i < 3; i++) {
            guard.recordFailure(office, "201@example.com");
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(guard.refusedUntil(office, "201@example.com")).isEmpty();

        assertThat(guard.recordFailure(office, "201@example.com"))
                .as("failures in the window still count: one more blocks again").contains(in(Duration.ofMinutes(10)));
    }

    @Test
    void theBackOffStartsAfreshOnceTheFailuresHaveAgedOut() throws Exception {
        InetAddress office = ip("198.51.100.7");
        for (int i = 0; i < 3; i++) {
            guard.recordFailure(office, "201@example.com");
        }
        clock.advance(Duration.ofMinutes(11));

        guard.recordFailure(office, "201@example.com");
        guard.recordFailure(office, "201@example.com");
        assertThat(guard.recordFailure(office, "201@example.com")).contains(in(Duration.ofMinutes(5)));
    }

    @Test
    void aSuccessForgetsTheUsersFailures() throws Exception {
        InetAddress office = ip("198.51.100.7");
        guard.recordFailure(office, "201@example.com");
        guard.recordFailure(office, "201@example.com");

        guard.recordSuccess(office, "201@example.com");

        assertThat(guard.recordFailure(office, "201@example.com")).isEmpty();
    }

    @Test
    void guessingAcrossUsersBansTheAddress() throws Exception {
        InetAddress attacker = ip("203.0.113.9");
        for (int user = 201; user <= 203; user++) {
            assertThat(guard.recordFailure(attacker, user + "@example.com")).isEmpty();
        }

        assertThat(guard.recordFailure(attacker, "204@example.com")).contains(in(Duration.ofHours(1)));

        assertThat(guard.isBanned(attacker)).isTrue();
        assertThat(guard.activeBan(attacker)).hasValueSatisfying(b -> assertThat(b.reason())
                .isEqualTo("4 different users failed to authenticate from this address within PT10M, last "
                        + "204@example.com"));
        assertThat(saved).extracting(Ban::source).containsExactly(attacker);
    }

    @Test
    void usersWhoseFailuresAgedOutDoNotCountTowardsTheBan() throws Exception {
        InetAddress office = ip("198.51.100.7");
        guard.recordFailure(office, "201@example.com");
        guard.recordFailure(office, "202@example.com");
        guard.recordFailure(office, "203@example.com");
        clock.advance(Duration.ofMinutes(11));

        assertThat(guard.recordFailure(office, "204@example.com")).isEmpty();
        assertThat(guard.isBanned(office)).isFalse();
    }

    @Test
    void aFloodOfAttemptsOnABlockedUserBansTheAddress() throws Exception {
        InetAddress cracker = ip("203.0.113.9");
        for (int i = 0; i < 3; i++) {
            guard.recordFailure(cracker, "201@example.com");
        }
        for (int i = 0; i < 16; i++) {
            assertThat(guard.refusedUntil(cracker, "201@example.com")).contains(in(Duration.ofMinutes(5)));
        }

        assertThat(guard.refusedUntil(cracker, "201@example.com")).contains(in(Duration.ofHours(1)));

        assertThat(guard.activeBan(cracker)).hasValueSatisfying(b ->
                assertThat(b.reason()).startsWith("20 failed authentications from this address"));
        assertThat(saved).hasSize(1);
    }

    @Test
    void aBanIsMadeAndAnnouncedOnce() throws Exception {
        InetAddress attacker = ip("203.0.113.9");
        for (int user = 201; user <= 210; user++) {
            guard.recordFailure(attacker, user + "@example.com");
        }

        assertThat(saved).hasSize(1);
        assertThat(guard.bans()).hasSize(1);
    }

    @Test
    void trustedNetworksAreNeverBlockedNorBanned() throws Exception {
        for (String trusted : List.of("10.1.2.3", "2001:db8:1::5")) {
            for (int user = 201; user <= 230; user++) {
                assertThat(guard.recordFailure(ip(trusted), user + "@example.com")).isEmpty();
                assertThat(guard.recordFailure(ip(trusted), "201@example.com")).isEmpty();
            }
            assertThat(guard.refusedUntil(ip(trusted), "201@example.com")).isEmpty();
            assertThat(guard.isBanned(ip(trusted))).isFalse();
        }
        assertThat(guard.isTrusted(ip("10.255.0.1"))).isTrue();
        assertThat(guard.isTrusted(ip("11.0.0.1"))).isFalse();
    }

    @Test
    void banExpiresByItself() throws Exception {
        InetAddress attacker = ip("203.0.113.9");
        banByGuessing(attacker);
        clock.advance(Duration.ofMinutes(59));
        assertThat(guard.bans()).extracting(Ban::source).containsExactly(attacker);

        clock.advance(Duration.ofMinutes(1));

        assertThat(guard.isBanned(attacker)).isFalse();
        assertThat(guard.activeBan(attacker)).isEmpty();
        assertThat(guard.bans()).isEmpty();
    }

    @Test
    void banCanBeLiftedAndTheLiftIsAnnounced() throws Exception {
        InetAddress attacker = ip("203.0.113.9");
        banByGuessing(attacker);
        guard.recordFailure(attacker, "299@example.com");

        assertThat(guard.lift(attacker)).isTrue();

        assertThat(guard.isBanned(attacker)).isFalse();
        assertThat(lifted).containsExactly(attacker);
        assertThat(guard.recordFailure(attacker, "201@example.com")).as("its failures are forgotten").isEmpty();
        assertThat(guard.lift(attacker)).isFalse();
    }

    @Test
    void restoredBanIsInForceUnlessExpiredOrTrusted() throws Exception {
        Instant now = clock.instant();
        assertThat(guard.restore(new Ban(ip("203.0.113.9"), now, now.plusSeconds(60), "saved"))).isTrue();
        assertThat(guard.restore(new Ban(ip("203.0.113.10"), now.minusSeconds(120), now, "old"))).isFalse();
        assertThat(guard.restore(new Ban(ip("10.0.0.1"), now, now.plusSeconds(60), "now trusted"))).isFalse();

        assertThat(guard.isBanned(ip("203.0.113.9"))).isTrue();
        assertThat(saved).as("a restored ban is saved already").isEmpty();
    }

    @Test
    void trackedSourcesUsersAndBansAreBounded() throws Exception {
        BruteForceGuard small = new BruteForceGuard(new BruteForcePolicy(2, Duration.ofMinutes(5), 2, 100,
                Duration.ofMinutes(10), Duration.ofHours(1), List.of(), 2), clock);
        small.recordFailure(ip("192.0.2.1"), "201@example.com");
        small.recordFailure(ip("192.0.2.2"), "201@example.com");
        small.recordFailure(ip("192.0.2.3"), "201@example.com");

        assertThat(small.recordFailure(ip("192.0.2.1"), "201@example.com")).as("192.0.2.1 was forgotten").isEmpty();

        for (int host = 1; host <= 3; host++) {
            small.recordFailure(ip("198.51.100." + host), "201@example.com");
            small.recordFailure(ip("198.51.100." + host), "202@example.com");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(small.bans()).extracting(b -> b.source().getHostAddress())
                .containsExactly("198.51.100.2", "198.51.100.3");
    }

    private void banByGuessing(InetAddress source) {
        for (int user = 201; user <= 204; user++) {
            guard.recordFailure(source, user + "@example.com");
        }
        assertThat(guard.isBanned(source)).isTrue();
    }
}
