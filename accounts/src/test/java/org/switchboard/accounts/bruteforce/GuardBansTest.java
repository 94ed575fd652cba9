package org.switchboard.accounts.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bans service over the guard: its trusted networks as text, and no ban inside them. */
class GuardBansTest {
    private final BruteForceGuard guard = new BruteForceGuard(new BruteForcePolicy(10, Duration.ofMinutes(5), 10, 100,
            Duration.ofMinutes(10), Duration.ofHours(1), List.of(Cidr.parse("192.0.2.0/24"), Cidr.parse("2001:db8::/32")),
            1000), Clock.systemUTC());
    private final GuardBans bans = new GuardBans(guard);

    @Test
    void listsTheTrustedNetworksAsTheyWereGivenAndNeverBansInsideThem() throws Exception {
        assertThat(bans.trustedNetworks()).containsExactly("192.0.2.0/24", "2001:db8::/32");
        assertThatThrownBy(() -> bans.add(InetAddress.getByName("192.0.2.9"), Duration.ofMinutes(1), "test"))
                .isInstanceOf(IllegalArgumentException.class);
        bans.add(InetAddress.getByName("198.51.100.9"), Duration.ofMinutes(1), "test");
        assertThat(bans.list()).extracting(b -> b.source().getHostAddress()).containsExactly("198.51.100.9");
    }
}
