package org.switchboard.core.spi.store;

/**
 * A database operation failed for a technical reason (connection lost, disk full, constraint the
 * caller did not anticipate). Unchecked: callers on the blocking executor let it fail their future.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
