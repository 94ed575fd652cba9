package org.switchboard.core.spi.store;

import java.net.InetAddress;
import java.time.Instant;

/**
 * A banned source address. Immutable.
 *
 * @param reason why, in words for the admin
 */
public record Ban(InetAddress source, Instant since, Instant until, String reason) {
}
