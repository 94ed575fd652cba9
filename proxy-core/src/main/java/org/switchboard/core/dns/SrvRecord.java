package org.switchboard.core.dns;

/**
 * An SRV record (RFC 2782). Immutable.
 *
 * @param target the host name, without the trailing dot
 */
public record SrvRecord(int priority, int weight, int port, String target) {
}
