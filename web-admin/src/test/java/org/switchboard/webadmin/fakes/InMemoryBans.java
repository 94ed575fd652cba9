package org.switchboard.webadmin.fakes;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.store.Ban;

/** Bans in a map, for page and API tests. Thread-safe. */
public final class InMemoryBans implements BansService {
    private final Map<InetAddress, Ban> bans = new ConcurrentHashMap<>();
    private final Clock clock;
    private final List<String> trusted;

    public InMemoryBans(Clock clock, List<String> trusted) {
        this.clock = clock;
        this.trusted = List.copyOf(trusted);
    }

    @Override
    public List<String> trustedNetworks() {
        return trusted;
    }

    @Override
    public List<Ban> list() {
        return bans.values().stream().sorted(Comparator.comparing(Ban::until)).toList();
    }

    @Override
    public Ban add(InetAddress source, Duration duration, String reason) {
        Ban ban = new Ban(source, clock.instant(), clock.instant().plus(duration), reason);
        bans.put(source, ban);
        return ban;
    }

    @Override
    public boolean lift(InetAddress source) {
        return bans.remove(source) != null;
    }
}
