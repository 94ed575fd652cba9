package org.switchboard.webadmin.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.switchboard.core.spi.store.Device;
import org.switchboard.webadmin.auth.Principal;

/**
 * What the devices page and API share: who sees and manages which phone, waiting for the devices
 * service (which works on its own executor), and a phone as a row, the JSON and the audit log show
 * it. Stateless.
 */
public final class DeviceActions {
    /** How long a page or API call waits for the devices service. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private DeviceActions() {
    }

    /**
     * One phone as the page shows it (public, so that templates can read it).
     *
     * @param users its lines' users, {@code line: user@domain}, or "" for a discovered phone
     */
    public record Row(String mac, String vendor, String model, String firmware, String address, String lastSeen,
            String lastProvisioned, String users, boolean assigned) {
    }

    /** The result of a devices service call, its admin-fixable failure rethrown as it is. */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the phone inventory", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the phone inventory failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the phone inventory did not answer within " + WAIT.toSeconds() + " s", e);
        }
    }

    /**
     * The phones {@code me} may see, discovered ones first: a system admin all; a domain admin the
     * discovered phones (no one's yet) and those with a line in their domain.
     */
    public static List<Device> visible(List<Device> all, Principal me) {
        return all.stream().filter(d -> me.isSystemAdmin() || !d.assigned()
                || d.lines().stream().anyMatch(l -> me.mayAdminister(l.domain())))
                .sorted(Comparator.comparing(Device::assigned).thenComparing(Device::mac)).toList();
    }

    /** Whether {@code me} may assign or release the phone: discovered, or every line in their domains. */
    public static boolean mayManage(Device device, Principal me) {
        return me.isSystemAdmin() || device.lines().stream().allMatch(l -> me.mayAdminister(l.domain()));
    }

    public static Row row(Device d) {
        return new Row(d.mac(), d.vendor(), d.model(), d.firmwareVersion(), d.ipAddress() == null ? "" : d.ipAddress(),
                time(d.lastSeen()), time(d.lastProvisioned()), users(d), d.assigned());
    }

    /** A phone as the API and the audit log show it. */
    public static Map<String, String> describe(Device d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mac", d.mac());
        m.put("vendor", d.vendor());
        m.put("model", d.model());
        m.put("firmware", d.firmwareVersion());
        m.put("address", d.ipAddress() == null ? "" : d.ipAddress());
        m.put("lastSeen", time(d.lastSeen()));
        m.put("lastProvisioned", time(d.lastProvisioned()));
        m.put("users", users(d));
        return m;
    }

    private static String users(Device d) {
        return d.lines().stream().map(l -> l.line() + ": " + l.userName() + "@" + l.domain())
                .collect(Collectors.joining(", "));
    }

    private static String time(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
