package org.switchboard.server;

import java.time.Clock;
import java.util.Objects;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.settings.SettingsChange;
import org.switchboard.core.spi.settings.SettingsListener;

/**
 * Publishes each change of the live settings as a {@link SwitchboardEvent.SettingsChanged} of its
 * section on the server's event bus. Quick and never blocking ({@link EventBus#publish} does not),
 * so it runs on the updating thread.
 */
final class SettingsEvents implements SettingsListener {
    private final EventBus events;
    private final Clock clock;

    SettingsEvents(EventBus events, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onChange(SettingsChange<?> change) {
        events.publish(new SwitchboardEvent.SettingsChanged(clock.instant(), change.section().name()));
    }
}
