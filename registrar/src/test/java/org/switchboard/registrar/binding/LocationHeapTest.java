package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.registrar.binding.BindingFixtures.THIS_HOST;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * The heap retained by 100,000 live bindings in the {@link InMemoryLocationService}, as phones make
 * them: one per address-of-record, every string its own instance (as parsed from a REGISTER),
 * outbound phones (RFC 5626) with an instance id, none on the server's own host (so the index of
 * places on this host holds nothing). The figure goes to docs/performance.md; the
 * assertion keeps it under the 200 MB the registrar is allowed.
 */
class LocationHeapTest {
    private static final int BINDINGS = 100_000;
    private static final long LIMIT_BYTES = 200L << 20;
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void hundredThousandBindingsFitInTwoHundredMegabytes() {
        InMemoryLocationService location = new InMemoryLocationService(Clock.fixed(NOW, ZoneOffset.UTC), THIS_HOST);
        long before = usedHeapAfterGc();

        int loaded = location.load(new GeneratedStore());
        long retained = usedHeapAfterGc() - before;

        assertThat(loaded).isEqualTo(BINDINGS);
        System.out.printf("%d live bindings retain %.1f MB of heap (%d bytes each)%n", BINDINGS,
                retained / 1048576.0, retained / BINDINGS);
        assertThat(retained).as("heap retained by %d bindings", BINDINGS).isLessThan(LIMIT_BYTES);
        assertThat(location.bindings(new AddressOfRecord("2099999", "example.com"))).hasSize(1);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Makes {@link #BINDINGS} bindings afresh on each load, so the test holds none of them. */
    private static final class GeneratedStore implements BindingStore {
        @Override
        public List<Binding> loadAll() {
            List<Binding> all = new ArrayList<>(BINDINGS);
            InetSocketAddress local = new InetSocketAddress("192.0.2.1", 5060);
            for (int i = 0; i < BINDINGS; i++) {
                String user = Integer.toString(2_000_000 + i);
                String ip = "10." + (i >> 16 & 255) + '.' + (i >> 8 & 255) + '.' + (i & 255);
                int port = 1024 + i % 60_000;
                Flow flow = new Flow(Transport.UDP, local, new InetSocketAddress(ip, port), 0);
                all.add(new Binding(new AddressOfRecord(user, new String("example.com")),
                        "sip:" + user + '@' + ip + ':' + port + ";transport=udp;ob", 1.0,
                        NOW.plus(Duration.ofSeconds(3600 - i % 600)), UUID.randomUUID() + "@" + ip, 1 + i % 100,
                        List.of(), "<urn:uuid:" + UUID.randomUUID() + '>', 1, flow,
                        new String("snom D785/10.1.159.12")));
            }
            return all;
        }

        @Override
        public void apply(List<BindingChanges> changes) {
            throw new AssertionError("no expired bindings to delete");
        }
    }
}
