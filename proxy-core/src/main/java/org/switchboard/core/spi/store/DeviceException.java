package org.switchboard.core.spi.store;

/**
 * A device request that cannot be carried out because of what was asked, with a message fit to
 * show the admin as is. Unchecked.
 */
public class DeviceException extends RuntimeException {

    /** Why a device request was refused. */
    public enum Reason {
        /** The text is not a MAC address. */
        BAD_MAC,
        /** No device has that MAC. */
        UNKNOWN_DEVICE,
        /** Every extension of the auto-assign range is taken. */
        RANGE_EXHAUSTED,
        /** A firmware model or URL that cannot be used. */
        BAD_FIRMWARE,
        /** No firmware is set for that model. */
        UNKNOWN_FIRMWARE,
    }

    private final Reason reason;

    public DeviceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
