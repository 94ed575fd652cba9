package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * A directory request that cannot be carried out because of what was asked, with a message fit to
 * show an admin ("User 201@example.com already exists"). Unchecked.
 */
public class DirectoryException extends RuntimeException {

    /** Why a directory request was refused, for callers that map it to a status or exit code. */
    public enum Reason {
        BAD_ADDRESS,
        BAD_PASSWORD,
        BAD_DISPLAY_NAME,
        DUPLICATE_DOMAIN,
        DUPLICATE_USER,
        UNKNOWN_DOMAIN,
        UNKNOWN_USER,
        DOMAIN_IN_USE,
        BAD_IMPORT_FILE
    }

    private final Reason reason;

    public DirectoryException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
