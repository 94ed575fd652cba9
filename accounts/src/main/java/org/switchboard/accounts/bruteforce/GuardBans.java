package org.switchboard.accounts.bruteforce;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.store.Ban;

/**
 * The brute-force guard's bans as the plugins' {@link BansService}. Bans added and lifted here reach
 * the guard's listener like its own: saved, and published on the event bus.
 *
 * <p>Threading: never blocks; thread-safe.
 */
public final class GuardBans implements BansService {
    private final BruteForceGuard guard;

    public GuardBans(BruteForceGuard guard) {
        this.guard = guard;
    }

    @Override
    public List<String> trustedNetworks() {
        return guard.trustedNetworks().stream().map(Cidr::toString).toList();
    }

    @Override
    public List<Ban> list() {
        return guard.bans();
    }

    @Override
    public Ban add(InetAddress source, Duration duration, String reason) {
        return guard.ban(source, duration, reason);
    }

    @Override
    public boolean lift(InetAddress source) {
        return guard.lift(source);
    }
}
