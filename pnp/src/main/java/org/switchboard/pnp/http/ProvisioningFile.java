package org.switchboard.pnp.http;

import java.util.Objects;
import org.switchboard.pnp.MacAddress;

/**
 * Which file a phone asked for. Immutable.
 *
 * @param kind what kind of file
 * @param mac the phone it is for
 */
public record ProvisioningFile(Kind kind, MacAddress mac) {

    public ProvisioningFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mac, "mac");
    }

    /** The kinds of file, and whether they carry secrets (and so need a token). */
    public enum Kind {
        /** The phone's own settings with its accounts and passwords. */
        SETTINGS(true),
        /** The per-model file a snom phone fetches first: general settings only. */
        GENERIC(false),
        /** The firmware file named by {@code firmware_status}. */
        FIRMWARE(false);

        private final boolean secret;

        Kind(boolean secret) {
            this.secret = secret;
        }

        /** Whether the file holds account data or passwords. */
        public boolean hasSecrets() {
            return secret;
        }
    }
}
