package org.switchboard.core.spi.settings;

/**
 * Learns of each settings change after it is stored and in effect. Called on the executor given to
 * {@link Settings#addListener}, once per change, in the order of the changes when that executor
 * runs tasks in order. An exception thrown here is logged and does not undo the change.
 *
 * <p>One method, so that bridging to an event bus is one lambda: {@code settings.addListener(change
 * -> bus.publish(new SettingsChanged(...)), Runnable::run)}.
 */
@FunctionalInterface
public interface SettingsListener {

    /** Called once per change that altered at least one setting. */
    void onChange(SettingsChange<?> change);
}
