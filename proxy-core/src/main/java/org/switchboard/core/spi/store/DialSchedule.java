package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * A named time schedule of the dial plan (office hours with holidays), as the admin wrote it, e.g.
 * {@code tz=Europe/Berlin; mon-fri 08:00-18:00; holidays=2026-12-24,2026-12-25}. Immutable.
 */
public record DialSchedule(String name, String spec) {

    public DialSchedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }
}
