package org.switchboard.pnp.devices;

/** What happens to a phone that asks for its settings before an admin assigned it a user. */
public enum PnpAssignment {
    /** It is recorded as discovered and gets no settings until an admin assigns it (the default). */
    NONE,
    /** It gets the next free extension of the configured range, created with a generated password. */
    AUTO
}
