package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone in the inventory, without secrets. Immutable.
 *
 * @param mac 12 lower-case hex digits
 * @param vendor as the phone reported it, {@code ""} until it did
 * @param model as the phone reported it (e.g. {@code snomD785}), {@code ""} until it did
 * @param firmwareVersion as the phone reported it, {@code ""} until it did
 * @param ipAddress where it last asked from, or {@code null} if never seen
 * @param firstSeen its first plug-and-play request, or {@code null} for a phone an admin added
 *     before it was ever seen
 * @param lastSeen its latest plug-and-play request, or {@code null}
 * @param lastProvisioned when it last fetched its settings, or {@code null}
 * @param lines the users assigned to its lines, by line number; empty for a discovered phone
 */
public record Device(String mac, String vendor, String model, String firmwareVersion, String ipAddress,
        Instant firstSeen, Instant lastSeen, Instant lastProvisioned, List<DeviceLine> lines) {

    public Device {
        mac = DeviceMacs.canonical(mac);
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        lines = List.copyOf(lines);
    }

    /** Whether a user is assigned to at least one line, so the phone gets settings. */
    public boolean assigned() {
        return !lines.isEmpty();
    }

    /** The user of line {@code number}, if any. */
    public Optional<DeviceLine> line(int number) {
        return lines.stream().filter(l -> l.line() == number).findFirst();
    }
}
